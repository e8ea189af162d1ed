// What every test file needs: a connection to the node under test (DEPIN_WS, default
// ws://127.0.0.1:9944), dev keys, and a way to submit an extrinsic and see what it did.
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { stringToU8a, u8aConcat } from '@polkadot/util';

export const WS = process.env.DEPIN_WS ?? 'ws://127.0.0.1:9944';

/** Calls JSON-RPC `method` over plain HTTP, as curl would; resolves with the response object
 * (`{ result }` or `{ error }`). */
export async function rpc(method, params = []) {
  const res = await fetch(WS.replace(/^ws/, 'http'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return res.json();
}

export async function connect() {
  await cryptoWaitReady();
  return ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true });
}

export function keyring() {
  return new Keyring({ type: 'sr25519', ss58Format: 42 });
}

/** A fresh device key, unique per run, of the given scheme ('sr25519' or 'ed25519'). */
export function newDeviceKey(type = 'sr25519') {
  const seed = `//e2e-device-${type}-${process.pid}-${Date.now()}-${Math.random()}`;
  return new Keyring({ type, ss58Format: 42 }).addFromUri(seed);
}

/** How many times the device key `device` (an address) was registered before: the registry's
 * `registrations` counter, which the next possession proof must sign. */
export async function registrations(api, device) {
  return (await api.query.deviceRegistry.registrations(device)).toNumber();
}

/** The possession proof exactly as the README documents it:
 * "depin/register/v2" ‖ genesis hash ‖ owner account ‖ device account ‖ registration (u32 LE),
 * signed by the device. `registration` is the device's `registrations` counter, read from the
 * chain unless given. */
export async function possessionProof(api, owner, device, registration) {
  const counter = registration ?? await registrations(api, device.address);
  const payload = u8aConcat(
    stringToU8a('depin/register/v2'),
    api.genesisHash,
    keyring().decodeAddress(owner),
    device.publicKey,
    api.createType('u32', counter).toU8a(), // SCALE: 4 bytes, little-endian
  );
  const scheme = device.type === 'ed25519' ? 'Ed25519' : 'Sr25519';
  return { [scheme]: device.sign(payload) };
}

/** The README's Berlin cell (H3, resolution 12). */
export const BERLIN = '0x08c1f1d48945d9ff';

/** Registers `device` (a key pair) for `owner` as the README shows: a `kind` (a hotspot unless
 * told) at `location`, with the device's possession proof for `owner` unless another `proof` is
 * given. Resolves like `submit`. */
export async function registerDevice(api, owner, device, { location = BERLIN, proof, kind = 'Hotspot' } = {}) {
  const possession = proof ?? await possessionProof(api, owner.address, device);
  return submit(
    api,
    api.tx.deviceRegistry.registerDevice(device.address, kind, location, possession, null),
    owner,
  );
}

/** Why `status` ends the submission of `tx` without inclusion, or null if it does not: the pool
 * invalidated, dropped or replaced (usurped) the transaction, or its block was not finalized in
 * time. (Retracted is no end: the transaction goes back to the pool and can be included again.) */
function failedStatus(tx, status) {
  const hash = tx.hash.toHex();
  if (status.isInvalid) return `transaction Invalid: the pool declared ${hash} invalid`;
  if (status.isDropped) return `transaction Dropped: the pool dropped ${hash}`;
  if (status.isUsurped) return `transaction Usurped by ${status.asUsurped.toHex()}: ${hash} replaced`;
  if (status.isFinalityTimeout) {
    return `transaction FinalityTimeout: block ${status.asFinalityTimeout.toHex()} of ${hash} `
      + 'was not finalized in time';
  }
  return null;
}

/** An Error for a submission the node refused outright (the RPC call itself failed): "1010" is
 * the pool's invalid-transaction code, e.g. "1010: Invalid Transaction: Transaction is outdated". */
function refused(e) {
  const message = e instanceof Error ? e.message : String(e);
  const kind = /^1010\b/.test(message) ? 'Invalid' : 'refused';
  return new Error(`transaction ${kind}: ${message}`, { cause: e });
}

/** Submits `tx` signed by `signer` and resolves once it is in a block, with its events, the
 * fee paid and, for a failed dispatch, `error` = { section, name }. `options` go to signAndSend
 * (e.g. `{ nonce }`). Rejects, and stops watching, if the node refuses the transaction or the pool
 * ends it without inclusion (Invalid, Dropped, Usurped, FinalityTimeout): the Error's message
 * starts with `transaction <status>`. */
export function submit(api, tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsub;
    let done = false;
    // Stop watching; `unsub` may not be known yet when the first status arrives.
    const finish = () => {
      done = true;
      if (unsub) unsub();
    };
    tx.signAndSend(signer, options, ({ status, events, dispatchError }) => {
      if (done) return;
      const failure = failedStatus(tx, status);
      if (failure) {
        finish();
        reject(new Error(failure));
        return;
      }
      if (!status.isInBlock) return;
      finish();
      let error = null;
      if (dispatchError) {
        if (dispatchError.isModule) {
          const { section, name } = api.registry.findMetaError(dispatchError.asModule);
          error = { section, name };
        } else {
          error = { section: 'dispatch', name: dispatchError.toString() };
        }
      }
      const feeEvent = events.find(({ event }) => event.section === 'transactionPayment'
        && event.method === 'TransactionFeePaid');
      const fee = feeEvent ? feeEvent.event.data.actualFee.toBigInt() : 0n;
      resolve({ events: events.map(({ event }) => event), fee, error, blockHash: status.asInBlock });
    }).then(
      (u) => {
        unsub = u;
        if (done) u();
      },
      (e) => {
        done = true;
        reject(refused(e));
      },
    );
  });
}

/** The free and reserved (held) balance of `who`, as bigints. */
export async function balance(api, who) {
  const { data } = await api.query.system.account(who);
  return { free: data.free.toBigInt(), reserved: data.reserved.toBigInt() };
}

/** The event `section.method` among `events`, or undefined. */
export function findEvent(events, section, method) {
  return events.find((e) => e.section === section && e.method === method);
}

/** Resolves once the chain's best block is at least `number`. */
export async function waitForBlock(api, number) {
  return new Promise((resolve) => {
    let unsub;
    api.rpc.chain.subscribeNewHeads((header) => {
      if (header.number.toNumber() >= number) {
        if (unsub) unsub();
        resolve(header.number.toNumber());
      }
    }).then((u) => { unsub = u; });
  });
}

/** Funds a fresh sr25519 account from Alice so that a test starts from a known balance. */
export async function fundedAccount(api, amount) {
  const account = keyring().addFromUri(`//e2e-owner-${process.pid}-${Date.now()}-${Math.random()}`);
  const alice = keyring().addFromUri('//Alice');
  const { error } = await submit(api, api.tx.balances.transferKeepAlive(account.address, amount), alice);
  if (error) throw new Error(`funding failed: ${error.section}.${error.name}`);
  return account;
}
