export { AccessExport } from './AccessExport.js';
export { WithdrawParticipant, type WithdrawalProps } from './WithdrawParticipant.js';
