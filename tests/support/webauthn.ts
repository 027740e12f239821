/**
 * A software authenticator for node tests: an EC P-256 key that answers WebAuthn ceremonies
 * as a browser with a platform authenticator would (attestation "none", user present and
 * verified), so the server's real checks (@simplewebauthn/server) run on real signatures.
 * Each answer can be spoiled on purpose (another origin, a counter that goes back).
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

const b64 = (bytes: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(bytes));
const sha256 = (data: Uint8Array | string) => new Uint8Array(createHash('sha256').update(data).digest());
const FLAGS = { up: 0x01, uv: 0x04, at: 0x40 };

function counterBytes(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

export class SoftAuthenticator {
  readonly credentialId = new Uint8Array(randomBytes(16));
  counter = 0;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor() {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  get id(): string {
    return b64(this.credentialId);
  }

  private cosePublicKey(): Uint8Array {
    const jwk = this.publicKey.export({ format: 'jwk' });
    const key = new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, isoBase64URL.toBuffer(jwk.x!)],
      [-3, isoBase64URL.toBuffer(jwk.y!)],
    ]);
    return isoCBOR.encode(key);
  }

  /** The answer to `navigator.credentials.create` with these options, at `origin`. */
  register(
    options: PublicKeyCredentialCreationOptionsJSON,
    origin: string,
    spoil: { challenge?: string; rpId?: string } = {},
  ): RegistrationResponseJSON {
    const clientDataJSON = JSON.stringify({
      type: 'webauthn.create',
      challenge: spoil.challenge ?? options.challenge,
      origin,
      crossOrigin: false,
    });
    const idLength = new Uint8Array(2);
    new DataView(idLength.buffer).setUint16(0, this.credentialId.length);
    const authData = concat(
      sha256(spoil.rpId ?? options.rp.id!),
      new Uint8Array([FLAGS.up | FLAGS.uv | FLAGS.at]),
      counterBytes(this.counter),
      new Uint8Array(16),
      idLength,
      this.credentialId,
      this.cosePublicKey(),
    );
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]) as Parameters<typeof isoCBOR.encode>[0],
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64(new TextEncoder().encode(clientDataJSON)),
        attestationObject: b64(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
    };
  }

  /** The answer to `navigator.credentials.get`: signed, with the counter moved on by `step` (0 keeps it). */
  sign(
    options: PublicKeyCredentialRequestOptionsJSON,
    origin: string,
    spoil: { step?: number; credentialId?: string } = {},
  ): AuthenticationResponseJSON {
    this.counter += spoil.step ?? 1;
    const clientDataJSON = new TextEncoder().encode(
      JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin, crossOrigin: false }),
    );
    const authData = concat(sha256(options.rpId!), new Uint8Array([FLAGS.up | FLAGS.uv]), counterBytes(this.counter));
    const signature = sign('sha256', concat(authData, sha256(clientDataJSON)), this.privateKey);
    const id = spoil.credentialId ?? this.id;
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: b64(clientDataJSON),
        authenticatorData: b64(authData),
        signature: b64(new Uint8Array(signature)),
      },
      clientExtensionResults: {},
    };
  }
}
