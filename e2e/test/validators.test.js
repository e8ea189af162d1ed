// Validator operations from JS, as the README's "Run a validator" shows them: session keys made
// by the node for an account (author_rotateKeysWithOwner) and registered with session.setKeys
// (their proof of possession checked, a deposit held), governance adding and removing a
// validator through sudo, and the signed-extension list wallets sign with (CheckMetadataHash).
// The new validator is added and removed in the same batch, so that the dev chain's single
// validator keeps finalizing: the zombienet scenario runs a real fifth validator.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, rpc, submit, findEvent, balance, fundedAccount, keyring } from './helpers.js';

const api = await connect();
after(() => api.disconnect());

const DPN = 10n ** 12n;

test('wallets see CheckMetadataHash among the signed extensions and sign with it', async () => {
  const ids = api.runtimeMetadata.asLatest.extrinsic.transactionExtensions
    ? api.runtimeMetadata.asLatest.extrinsic.transactionExtensions.map((e) => e.identifier.toString())
    : api.runtimeMetadata.asLatest.extrinsic.signedExtensions.map((e) => e.identifier.toString());
  assert.ok(ids.includes('CheckMetadataHash'), `extensions: ${ids.join(', ')}`);
  // Every other test of this suite signs with it too; this one checks a plain transfer.
  const owner = await fundedAccount(api, 10n * DPN);
  const { error } = await submit(api, api.tx.system.remark('0x01'), owner);
  assert.equal(error, null);
});

test('a validator account registers node-made session keys; governance adds and removes it', async () => {
  const validator = await fundedAccount(api, 10n * DPN);
  // The node makes the keys and signs the proof that they are made for this account.
  const generated = await rpc('author_rotateKeysWithOwner', [api.createType('AccountId', validator.address).toHex()]);
  assert.equal(generated.error, undefined, JSON.stringify(generated.error));
  const { keys, proof } = generated.result;
  assert.ok(keys && proof, `rotateKeysWithOwner returned ${JSON.stringify(generated.result)}`);
  const has = await rpc('author_hasSessionKeys', [keys]);
  assert.equal(has.result, true, 'the node holds the private keys');

  // A proof made for another account is refused.
  const other = await fundedAccount(api, 10n * DPN);
  const bad = await submit(api, api.tx.session.setKeys(keys, proof), other);
  assert.deepEqual(bad.error, { section: 'session', name: 'InvalidProof' });

  const before = await balance(api, validator.address);
  const set = await submit(api, api.tx.session.setKeys(keys, proof), validator);
  assert.equal(set.error, null);
  const after = await balance(api, validator.address);
  const deposit = api.consts.session.keyDeposit.toBigInt();
  assert.equal(after.reserved - before.reserved, deposit, 'the key deposit is held');
  assert.equal((await api.query.session.nextKeys(validator.address)).isSome, true);

  // Not governance: refused.
  const self = await submit(api, api.tx.validatorSet.addValidator(validator.address), validator);
  assert.deepEqual(self.error, { section: 'dispatch', name: 'BadOrigin' });

  // Governance (sudo on the dev chain) adds it and, in the same batch, removes it again.
  const alice = keyring().addFromUri('//Alice');
  const session = (await api.query.session.currentIndex()).toNumber();
  const batch = api.tx.utility.batchAll([
    api.tx.validatorSet.addValidator(validator.address),
    api.tx.validatorSet.removeValidator(validator.address),
  ]);
  const { events, error } = await submit(api, api.tx.sudo.sudo(batch), alice);
  assert.equal(error, null);
  const sudid = findEvent(events, 'sudo', 'Sudid');
  assert.ok(sudid && sudid.data.sudoResult.isOk, 'the batch failed under sudo');
  const added = findEvent(events, 'validatorSet', 'ValidatorAdded');
  assert.ok(added, 'no ValidatorAdded event');
  assert.equal(added.data.validator.toString(), validator.address);
  assert.ok(added.data.activeFrom.toNumber() >= session + 2, 'active from the session after next');
  assert.ok(findEvent(events, 'validatorSet', 'ValidatorRemoved'), 'no ValidatorRemoved event');
  const members = (await api.query.validatorSet.validators()).map((m) => m.account.toString());
  assert.ok(!members.includes(validator.address));

  // The last validator cannot be removed (the dev chain's minimum is 1).
  const last = await submit(api, api.tx.sudo.sudo(api.tx.validatorSet.removeValidator(alice.address)), alice);
  const sudo = findEvent(last.events, 'sudo', 'Sudid');
  assert.ok(sudo.data.sudoResult.isErr, 'removing the last validator succeeded');
  const { section, name } = api.registry.findMetaError(sudo.data.sudoResult.asErr.asModule);
  assert.equal(`${section}.${name}`, 'validatorSet.TooFewValidators');

  // Purging the keys releases the deposit.
  const purged = await submit(api, api.tx.session.purgeKeys(), validator);
  assert.equal(purged.error, null);
  assert.equal((await balance(api, validator.address)).reserved, before.reserved);
});
