// What every test file needs: a connection to the node under test (DEPIN_WS, default
// ws://127.0.0.1:9944), dev keys, and a way to submit an extrinsic and see what it did.
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { stringToU8a, u8aConcat } from '@polkadot/util';

export const WS = process.env.DEPIN_WS ?? 'ws://127.0.0.1:9944';

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

/** The possession proof exactly as the README documents it:
 * "depin/register/v1" ‖ genesis hash ‖ owner account ‖ device account, signed by the device. */
export function possessionProof(api, owner, device) {
  const payload = u8aConcat(
    stringToU8a('depin/register/v1'),
    api.genesisHash,
    keyring().decodeAddress(owner),
    device.publicKey,
  );
  const scheme = device.type === 'ed25519' ? 'Ed25519' : 'Sr25519';
  return { [scheme]: device.sign(payload) };
}

/** The README's Berlin cell (H3, resolution 12). */
export const BERLIN = '0x08c1f1d48945d9ff';

/** Registers `device` (a key pair) for `owner` as the README shows: a hotspot at `location`, with
 * the device's possession proof for `owner` unless another `proof` is given. Resolves like
 * `submit`. */
export function registerDevice(api, owner, device, { location = BERLIN, proof } = {}) {
  const possession = proof ?? possessionProof(api, owner.address, device);
  return submit(
    api,
    api.tx.deviceRegistry.registerDevice(device.address, 'Hotspot', location, possession, null),
    owner,
  );
}

/** Submits `tx` signed by `signer` and resolves once it is in a block, with its events, the
 * fee paid and, for a failed dispatch, `error` = { section, name }. */
export function submit(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsub;
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (!status.isInBlock) return;
      if (unsub) unsub();
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
    }).then((u) => { unsub = u; }, reject);
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
