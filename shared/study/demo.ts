/**
 * The demo study's passphrase. The demo holds only fictional data written for Groundwork, so its
 * passphrase can be public: the UI shows it, so a newcomer can unlock the demo after it locks.
 */
export const demoPassphrase = 'demo-study-fictional-data';
