// The types of shared-constants.mjs, for the app; the values and what they mean are there.
export declare const maxRequestBodyBytes: number;
export declare const databaseUnavailableMessage: string;
export declare const retryAfterSeconds: number;
export declare const databaseOutageWindowMs: number;
export declare const clientAddressHeader: string;
