/** Input limits shared by the parser, the subscription use cases and the adapters. */

/** Longest topic for `/news <topic>`, in characters (code points). */
export const MAX_TOPIC_LENGTH = 200;
/** Longest text for any other command, in characters (code points). */
export const MAX_COMMAND_LENGTH = 500;
/** Most distinct tags in one subscription. */
export const MAX_TAGS = 10;
/** Longest normalised tag, in characters (code points). */
export const MAX_TAG_LENGTH = 50;
