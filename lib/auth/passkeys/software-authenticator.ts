import { createECDH, createHash, createPrivateKey, sign, type KeyObject } from "node:crypto";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoCBOR } from "@simplewebauthn/server/helpers";

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

/**
 * A WebAuthn authenticator in software, for tests only: it answers the desk's options as a browser with a
 * platform passkey would (ES256, "none" attestation), so the services' refusals are tested on real
 * ceremonies. Its key and credential id come from `seed`, so every run signs with the same key.
 */
export class SoftwareAuthenticator {
  readonly credentialId: string;
  private readonly privateKey: KeyObject;
  private readonly publicKeyCose: Uint8Array;
  private counter = 0;
  private userHandle: string | undefined;

  constructor(options: { seed: string }) {
    const ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(sha256(`private key ${options.seed}`));
    const point = ecdh.getPublicKey(); // 0x04 | x (32) | y (32)
    const x = point.subarray(1, 33);
    const y = point.subarray(33, 65);
    this.privateKey = createPrivateKey({
      key: {
        kty: "EC",
        crv: "P-256",
        d: ecdh.getPrivateKey().toString("base64url"),
        x: x.toString("base64url"),
        y: y.toString("base64url"),
      },
      format: "jwk",
    });
    this.credentialId = sha256(`credential ${options.seed}`).toString("base64url");
    // COSE_Key: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y.
    this.publicKeyCose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, new Uint8Array(x)],
        [-3, new Uint8Array(y)],
      ]),
    );
  }

  private clientData(type: string, challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  private authenticatorData(rpId: string, flags: number, attested?: Uint8Array): Buffer {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), counter, ...(attested ? [attested] : [])]);
  }

  /** navigator.credentials.create(), at `origin` (default: the relying party's https origin). */
  register(
    options: PublicKeyCredentialCreationOptionsJSON,
    at: { origin?: string; rpId?: string } = {},
  ): RegistrationResponseJSON {
    const rpId = at.rpId ?? options.rp.id ?? "";
    this.userHandle = options.user.id;
    const id = Buffer.from(this.credentialId, "base64url");
    const length = Buffer.alloc(2);
    length.writeUInt16BE(id.length);
    const attested = Buffer.concat([Buffer.alloc(16), length, id, this.publicKeyCose]);
    const authData = this.authenticatorData(rpId, 0x01 | 0x04 | 0x40, attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, string> | Uint8Array>([
        ["fmt", "none"],
        ["attStmt", new Map<string, string>()],
        ["authData", new Uint8Array(authData)],
      ]),
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON: this.clientData(
          "webauthn.create",
          options.challenge,
          at.origin ?? `https://${rpId}`,
        ).toString("base64url"),
        attestationObject: Buffer.from(attestationObject).toString("base64url"),
        transports: ["internal"],
      },
    };
  }

  /** navigator.credentials.get(); `userVerified: false` is a touch without PIN or biometric. */
  authenticate(
    options: PublicKeyCredentialRequestOptionsJSON,
    at: { origin?: string; rpId?: string; userVerified?: boolean } = {},
  ): AuthenticationResponseJSON {
    const rpId = at.rpId ?? options.rpId ?? "";
    this.counter += 1;
    const authData = this.authenticatorData(rpId, 0x01 | (at.userVerified === false ? 0 : 0x04));
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, at.origin ?? `https://${rpId}`);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON: clientDataJSON.toString("base64url"),
        authenticatorData: authData.toString("base64url"),
        signature: signature.toString("base64url"),
        ...(this.userHandle ? { userHandle: this.userHandle } : {}),
      },
    };
  }
}
