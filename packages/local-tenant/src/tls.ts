// The local tenant's TLS material: a local CA and a server certificate for localhost/127.0.0.1/::1 signed
// by it, made once with `selfsigned` and kept in the data dir. Clients trust exactly that CA certificate.
import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  key: string;
  cert: string;
  caCertPem: string;
  /** Where the CA certificate is on disk (undefined in memory mode). */
  caCertPath: string | undefined;
}

const DAY = 86_400_000;

async function makeCa(): Promise<{ key: string; cert: string }> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'Regiekamer local tenant CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY),
    notAfterDate: new Date(now + 3650 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

async function makeServerCert(ca: { key: string; cert: string }): Promise<{ key: string; cert: string }> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca,
    notBeforeDate: new Date(now - DAY),
    notAfterDate: new Date(now + 825 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

function stillValid(certPem: string, marginMs: number): boolean {
  // TLS peers check against real time, so real time is the right measure here.
  return new Date(new X509Certificate(certPem).validTo).getTime() - marginMs > Date.now();
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Loads the CA and server certificate from <dataDir>/tls, making (or renewing) what is missing or expiring. */
export async function loadOrCreateTls(dataDir: string | undefined): Promise<TlsMaterial> {
  if (!dataDir) {
    const ca = await makeCa();
    const server = await makeServerCert(ca);
    return { key: server.key, cert: server.cert, caCertPem: ca.cert, caCertPath: undefined };
  }
  const dir = path.join(dataDir, 'tls');
  await mkdir(dir, { recursive: true });
  const files = {
    caCert: path.join(dir, 'ca.pem'),
    caKey: path.join(dir, 'ca-key.pem'),
    cert: path.join(dir, 'server.pem'),
    key: path.join(dir, 'server-key.pem'),
  };
  let caCert = await readIfExists(files.caCert);
  let caKey = await readIfExists(files.caKey);
  let cert = await readIfExists(files.cert);
  let key = await readIfExists(files.key);
  if (!caCert || !caKey || !stillValid(caCert, 30 * DAY)) {
    const ca = await makeCa();
    caCert = ca.cert;
    caKey = ca.key;
    await writeFile(files.caKey, caKey, { mode: 0o600 });
    await writeFile(files.caCert, caCert);
    cert = undefined;
  }
  if (!cert || !key || !stillValid(cert, DAY) || !new X509Certificate(cert).checkIssued(new X509Certificate(caCert))) {
    const server = await makeServerCert({ key: caKey, cert: caCert });
    cert = server.cert;
    key = server.key;
    await writeFile(files.key, key, { mode: 0o600 });
    await writeFile(files.cert, cert);
  }
  return { key, cert, caCertPem: caCert, caCertPath: files.caCert };
}
