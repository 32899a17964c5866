/**
 * Diagnostic companion to bench/run.ts: the same insert and fresh-connection read workload under
 * variants of the settings, to see where encryption's cost goes. Not a test of the app's settings:
 * the session pragmas are copied from main/core/db/cipher.ts (applySessionPragmas) by hand.
 *
 *   node bench/variants.mjs                    every variant
 *   node bench/variants.mjs base,noHmac        some of them (ROUNDS=5 for more rounds)
 *
 * Times are CPU time of this process, medians.
 *
 * Variants: base (the app's settings), deleteJournal, syncNormal, bigCache (256 MiB), smallCache
 * (2,000 pages), page16k and page64k (cipher page size; other SQLCipher tools then need it set by
 * hand), noHmac (SQLCipher's per-page HMAC off: shows the HMAC's cost; never a usable setting),
 * walNoCheckpoint (no automatic checkpoint during the insert: shows what the checkpoint costs).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path'; import crypto from 'node:crypto';
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-explore-'));
const pass = 'Benk-målinger-med-lange-ord-i-Tromsø-2026';
const rows = 100000, reads = 10000, rounds = Number(process.env.ROUNDS ?? 3);
const lineIds = Array.from({length: rows}, (_, i) => i).sort(() => Math.random() - 0.5);
const keys = Array.from({length: reads}, () => Math.floor(Math.random()*rows));
const bodies = Array.from({ length: 64 }, (_, index) => `Intervjuutdrag ${index}: ${'Jeg syntes gruppen hjalp meg å komme i gang igjen. '.repeat(2)}`);
// CPU time (user + system) rather than wall time: the machines this runs on are shared and busy.
const t = (f) => { const s = process.cpuUsage(); f(); const u = process.cpuUsage(s); return (u.user + u.system) / 1000; };
function session(db, v) {
  db.pragma('foreign_keys = ON'); db.pragma('secure_delete = ON'); db.pragma('temp_store = MEMORY');
  db.pragma(`journal_mode = ${v.journal ?? 'WAL'}`); db.pragma(`synchronous = ${v.sync ?? 'FULL'}`); db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = ${v.cache ?? -32768}`);
  if (v.noCheckpoint) db.pragma('wal_autocheckpoint = 0');
}
function connect(file, enc, v) {
  const db = new Database(file);
  if (enc) { db.pragma(`cipher='sqlcipher'`); db.pragma('legacy=4'); if (v.page) db.pragma(`legacy_page_size=${v.page}`); if (v.hmac === 0) db.pragma('hmac_use=0'); db.pragma(`key='${pass}'`); }
  else if (v.page) db.pragma(`page_size=${v.page}`);
  db.prepare('select count(*) from sqlite_master').get();
  session(db, v); return db;
}
function run(enc, v, n) {
  const file = path.join(folder, `${enc?'e':'p'}${n}.db`);
  let db = connect(file, enc, v);
  db.exec('CREATE TABLE segment (id INTEGER PRIMARY KEY, line_id INTEGER NOT NULL, code TEXT NOT NULL, body TEXT NOT NULL) STRICT; CREATE INDEX segment_line ON segment (line_id);');
  const ins = db.prepare('INSERT INTO segment VALUES (?,?,?,?)');
  const insert = t(() => db.transaction(() => { for (let i=0;i<rows;i++) ins.run(i, lineIds[i], `code-${i%500}`, bodies[i%64]); })());
  const pages = db.pragma('page_count', {simple:true});
  db.close();
  db = connect(file, enc, v);
  const sel = db.prepare('SELECT id, code, body FROM segment WHERE line_id = ?');
  const cold = t(() => { for (const k of keys) sel.get(k); });
  db.close();
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file+s, {force:true});
  return { insert, cold, pages };
}
const med = (a) => a.sort((x,y)=>x-y)[Math.floor(a.length/2)];
const variants = { base: {}, deleteJournal: {journal:'DELETE'}, syncNormal: {sync:'NORMAL'}, bigCache: {cache: -262144}, smallCache: {cache: -2000}, page16k: {page: 16384}, page64k: {page:65536}, noHmac: {hmac: 0}, walNoCheckpoint: {noCheckpoint: true} };
const only = process.argv[2] ? process.argv[2].split(',') : Object.keys(variants);
for (const name of only) {
  const v = variants[name]; const e = {insert:[],cold:[]}, p = {insert:[],cold:[]}; let pages;
  for (let i=0;i<rounds;i++) { const a = run(true, v, i); const b = run(false, v, i); e.insert.push(a.insert); e.cold.push(a.cold); p.insert.push(b.insert); p.cold.push(b.cold); pages = a.pages; }
  console.log(`${name.padEnd(14)} pages ${pages}  insert e ${med(e.insert).toFixed(0)} p ${med(p.insert).toFixed(0)} r ${(med(e.insert)/med(p.insert)).toFixed(2)}   cold e ${med(e.cold).toFixed(0)} p ${med(p.cold).toFixed(0)} r ${(med(e.cold)/med(p.cold)).toFixed(2)}`);
}
// KDF inside SQLite
const f = path.join(folder, 'k.db'); { const db = connect(f, true, {}); db.exec('create table x(y)'); db.close(); }
const kd = []; const fr = [];
for (let i=0;i<5;i++) { const db = new Database(f); db.pragma(`cipher='sqlcipher'`); db.pragma('legacy=4'); kd.push(t(()=>db.pragma(`key='${pass}'`))); fr.push(t(()=>db.prepare('select count(*) from sqlite_master').get())); db.close(); }
console.log('sqlite PRAGMA key', med(kd).toFixed(1), 'first read', med(fr).toFixed(1));
// node crypto per-page cost
const key = crypto.randomBytes(32), hk = crypto.randomBytes(32), page = crypto.randomBytes(4096-80);
const N = 5000;
console.log('node aes-cbc+hmac-sha512 per page encrypt (µs)', (t(() => { for (let i=0;i<N;i++){ const iv = crypto.randomBytes(16); const c = crypto.createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false); const ct = Buffer.concat([c.update(page), c.final()]); crypto.createHmac('sha512', hk).update(ct).update(iv).digest(); } })*1000/N).toFixed(1));
fs.rmSync(folder, {recursive:true, force:true});
