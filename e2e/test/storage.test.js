// Storage deals from JS, as the README shows them: a storage node's owner publishes an ask, a
// client computes its file's Merkle root here (DESIGN.md's scheme, written again in JS) and
// proposes a one-period deal, the owner accepts, the storage node itself (a key with no funds)
// answers its period's challenge for free, and after the period the owner settles: paid, the deal
// complete, every hold released. A wrong proof is refused by the transaction pool.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsU8a, randomAsU8a } from '@polkadot/util-crypto';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import {
  connect, newDeviceKey, registerDevice, submit, findEvent, fundedAccount, balance, rpc,
} from './helpers.js';

const api = await connect();
after(() => api.disconnect());

const DPN = 10n ** 12n;
const LEAF = 256;

/** The levels of the Merkle tree of `data`, leaves first: leaf hash blake2_256(0x00 ‖ leaf), node
 * hash blake2_256(0x01 ‖ left ‖ right), the last node of an odd level moved up unchanged. */
function levels(data) {
  const leaves = [];
  for (let i = 0; i < data.length; i += LEAF) {
    const leaf = new Uint8Array(LEAF); // zero-padded
    leaf.set(data.subarray(i, i + LEAF));
    leaves.push(leaf);
  }
  let level = leaves.map((l) => blake2AsU8a(u8aConcat([0], l), 256));
  const all = [level];
  while (level.length > 1) {
    const next = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? blake2AsU8a(u8aConcat([1], level[i], level[i + 1]), 256) : level[i]);
    }
    all.push(next);
    level = next;
  }
  return { leaves, all };
}

/** The root of `data`. */
function merkleRoot(data) {
  const { all } = levels(data);
  return all[all.length - 1][0];
}

/** Leaf `index` of `data` (zero-padded) and its path: the siblings from the leaf level up. */
function merkleProof(data, index) {
  const { leaves, all } = levels(data);
  const path = [];
  let j = index;
  for (const level of all.slice(0, -1)) {
    if ((j ^ 1) < level.length) path.push(u8aToHex(level[j ^ 1]));
    j >>= 1;
  }
  return { leaf: u8aToHex(leaves[index]), path };
}

/** Resolves with the deal's status once `ready(status)` holds, checking at each new block. */
function waitForDeal(id, ready) {
  return new Promise((resolve, reject) => {
    let unsub;
    api.rpc.chain.subscribeNewHeads(async () => {
      try {
        const status = await api.call.depinApi.deal(id);
        if (status.isSome && ready(status.unwrap())) {
          if (unsub) unsub();
          resolve(status.unwrap());
        }
      } catch (e) {
        reject(e);
      }
    }).then((u) => { unsub = u; });
  });
}

test('a storage deal: ask, propose, accept, a free proof per period, settlement', async () => {
  const owner = await fundedAccount(api, 100n * DPN);
  const client = await fundedAccount(api, 100n * DPN);
  const node = newDeviceKey('sr25519');
  const reg = await registerDevice(api, owner, node, { kind: 'StorageNode' });
  assert.equal(reg.error, null, JSON.stringify(reg.error));

  // The ask: at least 1 planck per byte and period, 1 to 10 periods, 1 MB.
  const ask = { price: 1, minDuration: 1, maxDuration: 10, capacity: 1_000_000 };
  const asked = await submit(api, api.tx.storageDeals.setAsk(node.address, ask), owner);
  assert.equal(asked.error, null, JSON.stringify(asked.error));

  // The client's file: 1,000 random bytes (4 leaves, the last one padded).
  const data = randomAsU8a(1000);
  const root = merkleRoot(data);
  const price = 3n;
  const collateral = DPN;
  const proposed = await submit(
    api, api.tx.storageDeals.proposeDeal(node.address, u8aToHex(root), data.length, 1, price, collateral), client,
  );
  assert.equal(proposed.error, null, JSON.stringify(proposed.error));
  const ev = findEvent(proposed.events, 'storageDeals', 'DealProposed');
  const id = ev.data.deal.toNumber();
  const total = price * BigInt(data.length);
  assert.equal(ev.data.total.toBigInt(), total);
  const deposit = ev.data.deposit.toBigInt();
  const clientHeld = await balance(api, client.address);
  assert.ok(clientHeld.reserved >= total + deposit, 'payment and deposit held');

  const accepted = await submit(api, api.tx.storageDeals.acceptDeal(id), owner);
  assert.equal(accepted.error, null, JSON.stringify(accepted.error));
  const { start, end } = findEvent(accepted.events, 'storageDeals', 'DealAccepted').data;
  assert.equal(end.toNumber(), start.toNumber() + 1);
  assert.ok((await api.query.storageDeals.deals(id)).isSome);
  // The same deal over plain JSON-RPC (curl users): amounts as decimal strings.
  const { result: viaRpc } = await rpc('depin_deal', [id]);
  assert.equal(viaRpc.client, client.address);
  assert.equal(viaRpc.provider, node.address);
  assert.equal(viaRpc.root, u8aToHex(root));
  assert.equal(viaRpc.perPeriod, total.toString());
  assert.equal(viaRpc.progress.start, start.toNumber());
  assert.ok(['Pending', 'Running'].includes(viaRpc.phase), viaRpc.phase);
  assert.equal((await rpc('depin_deal', [2 ** 40])).result, null);
  const ownerAfterAccept = await balance(api, owner.address);

  // The period begins: the API names the leaf to prove.
  const running = await waitForDeal(id, (s) => s.challenge.isSome);
  const [period, index] = running.challenge.unwrap();
  assert.equal(period.toNumber(), start.toNumber());
  const { leaf, path } = merkleProof(data, index.toNumber());

  // A wrong leaf would have to pay a fee the device does not have: the pool refuses it.
  const wrong = new Uint8Array(LEAF).fill(7);
  await assert.rejects(
    submit(api, api.tx.storageDeals.submitProof(id, period, u8aToHex(wrong), path), node),
    /transaction Invalid/,
  );
  // The right one is included, free.
  const proved = await submit(api, api.tx.storageDeals.submitProof(id, period, leaf, path), node);
  assert.equal(proved.error, null, JSON.stringify(proved.error));
  assert.equal(proved.fee, 0n, 'a valid proof pays no fee');
  const accepted_ = findEvent(proved.events, 'storageDeals', 'ProofAccepted');
  assert.equal(accepted_.data.points.toNumber(), data.length);

  // After the deal's one period: the settlement pays the owner and completes the deal.
  const ended = await waitForDeal(id, (s) => s.phase.isEnded);
  assert.equal(ended.settlePays.toBigInt(), total);
  const settled = await submit(api, api.tx.storageDeals.settleDeal(id), owner);
  assert.equal(settled.error, null, JSON.stringify(settled.error));
  assert.equal(findEvent(settled.events, 'storageDeals', 'DealSettled').data.paid.toBigInt(), total);
  assert.ok(findEvent(settled.events, 'storageDeals', 'DealCompleted'));
  assert.ok((await api.query.storageDeals.deals(id)).isNone);
  assert.ok((await api.call.depinApi.deal(id)).isNone);
  const ownerAfter = await balance(api, owner.address);
  assert.equal(ownerAfter.free, ownerAfterAccept.free + total + collateral - settled.fee);
  assert.equal(ownerAfter.reserved, ownerAfterAccept.reserved - collateral);
  const clientAfter = await balance(api, client.address);
  assert.equal(clientAfter.reserved, clientHeld.reserved - total - deposit);
});
