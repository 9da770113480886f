/** Who edits and exports in this browser: one local user until accounts exist (the journal says the same). */
export const LOCAL_AUTHOR = 'local';
