import { Agent } from "node:https";
import { rootCertificates } from "node:tls";
import { generate } from "selfsigned";

/** A certificate and its private key, PEM-encoded. */
export type TlsCertificate = { cert: string; key: string };

/**
 * A self-signed certificate for localhost and 127.0.0.1, made in memory at
 * start: nothing is written to disk unless the caller chooses to.
 */
export async function localhostCertificate(): Promise<TlsCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 365 * 24 * 3_600_000);
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [
      // A CA flag lets the same PEM serve as the trust anchor clients are given.
      { name: "basicConstraints", cA: true },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/**
 * An HTTPS agent that trusts the given CA (the dev tenant's certificate) on
 * top of Node's usual roots, for node:https requests made in-process, where
 * NODE_EXTRA_CA_CERTS (read only at process start) cannot help.
 */
export function httpsAgentTrusting(caPem: string): Agent {
  return new Agent({ ca: [...rootCertificates, caPem], keepAlive: true });
}
