// The suite's own `submit` helper: a transaction the node or its pool refuses ends the test with a
// clear error at once, instead of hanging until the runner's timeout.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, keyring, submit } from './helpers.js';

const api = await connect();
after(() => api.disconnect());

/** Well under the runner's timeout (240 s in scripts/test.sh), and more than a refusal takes. */
const PROMPTLY_MS = 30_000;

/** `promise`, or a rejection saying it hung if it neither resolves nor rejects within `ms`. */
function within(promise, ms, what) {
  let timer;
  const hung = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} still pending after ${ms} ms`)), ms);
  });
  return Promise.race([promise, hung]).finally(() => clearTimeout(timer));
}

test('submit passes options on to signAndSend (an explicit, current nonce)', async () => {
  const alice = keyring().addFromUri('//Alice');
  const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  const sent = submit(api, api.tx.system.remark('0x01'), alice, { nonce });
  const { error, events } = await within(sent, PROMPTLY_MS, 'submit');
  assert.equal(error, null);
  assert.ok(events.some((e) => e.section === 'system' && e.method === 'ExtrinsicSuccess'));
  const next = (await api.query.system.account(alice.address)).nonce.toNumber();
  assert.ok(next > nonce, 'the nonce was used');
});

test('submit rejects a transaction with a stale nonce promptly instead of hanging', async () => {
  const alice = keyring().addFromUri('//Alice');
  // Alice has sent a transaction (the test above), so nonce 0 is spent: the pool refuses a
  // transaction with it as outdated (Invalid / Stale). polkadot.js surfaces that as a rejection of
  // signAndSend (RPC error 1010) or as an Invalid status; either way submit must reject.
  assert.ok((await api.query.system.account(alice.address)).nonce.toNumber() > 0);
  const started = Date.now();
  const stale = submit(api, api.tx.system.remark('0x02'), alice, { nonce: 0 });
  await assert.rejects(
    within(stale, PROMPTLY_MS, 'submit'),
    (e) => {
      assert.ok(e instanceof Error);
      assert.doesNotMatch(e.message, /still pending/, 'submit hung');
      // "transaction Invalid: 1010: Invalid Transaction: Transaction is outdated" when the RPC
      // call is refused, "transaction Invalid: the pool declared 0x… invalid" from the status.
      assert.match(e.message, /^transaction Invalid: /);
      return true;
    },
  );
  assert.ok(Date.now() - started < PROMPTLY_MS, 'rejected promptly');
});
