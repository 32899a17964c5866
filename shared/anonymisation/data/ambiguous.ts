/**
 * Names and places that are also everyday Norwegian words: "per" (per), "liv" (life), "bo" (to
 * live), "time" (hour), "sola" (the sun). Written for Groundwork. In lower case they are words; with
 * a capital letter they are taken as a name or place only where a sentence does not start (or, at
 * a sentence start, when a verb follows as it does after a person: "Per sa", "Liv ringte").
 */
export const ambiguousWords = `
per liv bo hans dag sol siv vår stig ask gry unn tone stein bjørn finn jo kai odd mai storm lykke ørn ravn lise rune frank tom vilje karen mina line ane klara signe live lene gro edel dina bent jan karl knut
berg lund strand vik lie moen holm haug bakke bakken sand nes rud mo hagen engen berge vold le tran haugen holmen lunde strøm lien skogen tangen våge løken brekke gjerde gard hammer horn skog rød lange brun viken vestre kristen hauk helga andre
bø å hole ski gran sel hol os ås lier fet sund røst time sola stranda vang gol lom flå hå re stange frosta leka vega heim grane rana stad fjord kinn alver hell son lade kampen grim tveit hov rena flora sogn salten tinn extra power spar joker meny obs boots shell grue osen loppa lyngen hof dokka løkka tasta hinna fana polen posten tine gilde jula kiwi ruter skyss
`;
