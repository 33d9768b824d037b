// oidc-provider ships no types (DefinitelyTyped's are not installed); test-openid-provider.ts types what it uses.
declare module "oidc-provider";
