// Energy settlement from JS, as the README shows it: two producers and a consumer in the dev
// zone (zone 0, operated by //Dave) register their meters, the consumer funds escrow, the meters
// themselves (keys with no funds) read their registers for free after each interval, the bill is
// previewed through the runtime API, and once the interval is final anyone settles each meter:
// every amount is the exact fraction of the netting formula (computed here independently), and
// the operator's change is the consumer's payment minus the producers' receipts, to the planck.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  connect, keyring, newDeviceKey, registerDevice, submit, findEvent, fundedAccount, balance, rpc,
} from './helpers.js';

const api = await connect();
after(() => api.disconnect());

const DPN = 10n ** 12n;
const DAVE = keyring().addFromUri('//Dave').address;

/** Resolves with interval k once zone 0 accepts readings of an interval k >= `min`, early in its
 * grace period (so that readings submitted now land within it). */
function readingWindow(min) {
  return new Promise((resolve, reject) => {
    let unsub;
    api.rpc.chain.subscribeNewHeads(async (header) => {
      try {
        const zone = (await api.call.depinApi.energyZone(0)).unwrap();
        const into = header.number.toNumber() % zone.intervalLength.toNumber();
        if (zone.readingInterval.isSome && zone.readingInterval.unwrap().toNumber() >= min && into < 2) {
          if (unsub) unsub();
          resolve(zone.readingInterval.unwrap().toNumber());
        }
      } catch (e) {
        reject(e);
      }
    }).then((u) => { unsub = u; });
  });
}

/** Resolves once zone 0's interval `k` is final. */
function finalInterval(k) {
  return new Promise((resolve, reject) => {
    let unsub;
    api.rpc.chain.subscribeNewHeads(async () => {
      try {
        const status = await api.call.depinApi.energyInterval(0, k);
        if (status.isSome && status.unwrap().isFinal.isTrue) {
          if (unsub) unsub();
          resolve(status.unwrap());
        }
      } catch (e) {
        reject(e);
      }
    }).then((u) => { unsub = u; });
  });
}

/** The exact bill of a meter (p produced, c consumed) in a zone of totals P, C, floored:
 * receipt (feed_in·p·P + (local − feed_in)·M·p) / P, payment (import·c·C − (import − local)·M·c) / C. */
function expectedBill(t, P, C, p, c) {
  const M = P < C ? P : C;
  const receipt = P === 0n ? 0n : (t.feedIn * p * P + (t.local - t.feedIn) * M * p) / P;
  const payment = C === 0n ? 0n : (t.import * c * C - (t.import - t.local) * M * c) / C;
  return { receipt, payment };
}

test('two producers and a consumer settle one interval of the dev zone', async () => {
  const zone = (await api.call.depinApi.energyZone(0)).unwrap();
  assert.equal(zone.zone.operator.toString(), DAVE);
  const t = {
    import: zone.zone.tariffs.import.toBigInt(),
    local: zone.zone.tariffs.local.toBigInt(),
    feedIn: zone.zone.tariffs.feedIn.toBigInt(),
  };

  // Two producers and a consumer: owners with funds, meters with none. 10 kW each. The owners
  // are funded one after another (Alice's nonce), then register in parallel.
  const parties = [];
  for (const [name, produced, consumed] of [['p1', 101n, 0n], ['p2', 50n, 0n], ['c', 0n, 120n]]) {
    const owner = await fundedAccount(api, 100n * DPN);
    parties.push({ name, owner, meter: newDeviceKey('sr25519'), produced, consumed });
  }
  await Promise.all(parties.map(async ({ owner, meter }) => {
    const reg = await registerDevice(api, owner, meter, { kind: 'EnergyMeter' });
    assert.equal(reg.error, null, JSON.stringify(reg.error));
    const m = await submit(api, api.tx.energySettlement.registerMeter(meter.address, 0, 10_000), owner);
    assert.equal(m.error, null, JSON.stringify(m.error));
    assert.ok(findEvent(m.events, 'energySettlement', 'MeterRegistered'));
  }));
  const consumer = parties[2];
  const funded = await submit(api, api.tx.energySettlement.fundEscrow(consumer.meter.address, DPN), consumer.owner);
  assert.equal(funded.error, null, JSON.stringify(funded.error));
  const next = Math.max(...await Promise.all(parties.map(async (x) =>
    (await api.call.depinApi.energyMeter(x.meter.address)).unwrap().next.toNumber())));

  // Baselines: the meters' registers as they stand (a meter has a history).
  const base = (x) => [1_000_000n + BigInt(x.name.length), 2_000_000n];
  const k0 = await readingWindow(next);
  const baselines = await Promise.all(parties.map((x) =>
    submit(api, api.tx.energySettlement.submitReading(k0, ...base(x)), x.meter)));
  for (const r of baselines) {
    assert.equal(r.error, null, JSON.stringify(r.error));
    assert.equal(r.fee, 0n, 'a valid reading pays no fee');
  }

  // The next interval: registers moved by what each produced and consumed.
  const k = await readingWindow(k0 + 1);
  assert.equal(k, k0 + 1);
  const readings = await Promise.all(parties.map((x) => {
    const [p, c] = base(x);
    return submit(api, api.tx.energySettlement.submitReading(k, p + x.produced, c + x.consumed), x.meter);
  }));
  for (const r of readings) {
    assert.equal(r.error, null, JSON.stringify(r.error));
    assert.equal(r.fee, 0n);
    assert.equal(findEvent(r.events, 'energySettlement', 'ReadingAccepted').data.kind.toString(), 'Local');
  }
  // A second reading of the interval would have to pay a fee the meter does not have.
  const [p0, c0] = base(parties[0]);
  await assert.rejects(
    submit(api, api.tx.energySettlement.submitReading(k, p0 + 101n, c0), parties[0].meter),
    /transaction Invalid/,
  );

  const P = 151n;
  const C = 120n;
  const totals = (await api.call.depinApi.energyInterval(0, k)).unwrap();
  assert.equal(totals.totals.flow.produced.toBigInt(), P);
  assert.equal(totals.totals.flow.consumed.toBigInt(), C);
  assert.equal(totals.matched.toBigInt(), C);
  // The same over plain JSON-RPC (curl users): prices as decimal strings.
  const { result: viaRpc } = await rpc('depin_energyInterval', [0, k]);
  assert.equal(viaRpc.operator, DAVE);
  assert.equal(viaRpc.tariffs.feedIn, t.feedIn.toString());
  assert.deepEqual(
    [viaRpc.interval.produced, viaRpc.interval.consumed, viaRpc.interval.matched, viaRpc.interval.readings],
    [151, 120, 120, 3],
  );
  assert.equal((await rpc('depin_energyInterval', [99, k])).result, null);
  // The escrow reserve: the consumption at the import price.
  const reserved = (await api.call.depinApi.energyMeter(consumer.meter.address)).unwrap().reserved.toBigInt();
  assert.equal(reserved, C * t.import);

  await finalInterval(k);
  const settler = await fundedAccount(api, 10n * DPN);
  const dave = (await balance(api, DAVE)).free;
  let receipts = 0n;
  let payments = 0n;
  for (const x of parties) {
    const want = expectedBill(t, P, C, x.produced, x.consumed);
    const preview = (await api.call.depinApi.energyBill(x.meter.address, k)).unwrap();
    assert.equal(preview.bill.receipt.toBigInt(), want.receipt, `${x.name}: previewed receipt`);
    assert.equal(preview.bill.payment.toBigInt(), want.payment, `${x.name}: previewed payment`);
    const before = await balance(api, x.owner.address);
    const s = await submit(api, api.tx.energySettlement.settle(x.meter.address, k), settler);
    assert.equal(s.error, null, JSON.stringify(s.error));
    const ev = findEvent(s.events, 'energySettlement', 'Settled').data;
    assert.equal(ev.receipt.toBigInt(), want.receipt);
    assert.equal(ev.payment.toBigInt(), want.payment);
    const after_ = await balance(api, x.owner.address);
    assert.equal(after_.free - before.free, want.receipt, `${x.name}: paid its receipt`);
    assert.equal(before.reserved - after_.reserved, want.payment, `${x.name}: escrow paid its bill`);
    receipts += want.receipt;
    payments += want.payment;
  }
  // Worked: 101 Wh gets 101·1e8 + 1e8·120·101/151 = 18,126,490,066 planck (floored).
  assert.equal(expectedBill(t, P, C, 101n, 0n).receipt, 18_126_490_066n);
  assert.equal(payments, 120n * t.local);
  assert.equal((await balance(api, DAVE)).free - dave, payments - receipts, 'the operator takes the net');
  assert.ok((await api.call.depinApi.energyInterval(0, k)).isNone, 'settled totals are removed');
  // Settled once.
  const again = await submit(api, api.tx.energySettlement.settle(parties[0].meter.address, k), settler);
  assert.deepEqual(again.error, { section: 'energySettlement', name: 'NoReading' });
});
