#!/usr/bin/env python3
"""Compares our pallets' benchmarked weights with pallet_balances::transfer_keep_alive, measured
in the same run (scripts/bench.sh), and writes the table to a markdown file.

usage: compare.py <json dir (unused but kept for the record)> <output.md>

It reads the generated weight files (the weights the runtime really charges), prices storage
accesses with the runtime's ParityDB weights (read 8 us, write 50 us), and checks the budgets the
issues set. Exit status 1 when a budget is exceeded."""
import pathlib, re, sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
READ_PS, WRITE_PS = 8_000 * 1_000, 50_000 * 1_000  # ParityDbWeight, in picoseconds
BASELINE = ('runtime/src/weights/pallet_balances.rs', 'transfer_keep_alive')
PALLETS = {
    'pallet_device_registry': 'pallets/device-registry/src/weights.rs',
    'pallet_rewards': 'pallets/rewards/src/weights.rs',
    'pallet_proof_of_coverage': 'pallets/proof-of-coverage/src/weights.rs',
    'pallet_storage_deals': 'pallets/storage-deals/src/weights.rs',
    'pallet_energy_settlement': 'pallets/energy-settlement/src/weights.rs',
    'pallet_validator_set': 'pallets/validator-set/src/weights.rs',
}
# (pallet, call) -> most ref_time allowed, as a multiple of the baseline's.
BUDGETS = {
    ('pallet_device_registry', 'register_device'): 4.0,
    ('pallet_device_registry', 'assert_location'): 1.5,
    ('pallet_device_registry', 'transfer_device'): 1.5,
    ('pallet_rewards', 'note_points'): 0.5,
    ('pallet_rewards', 'claim_rewards'): 3.0,
    ('pallet_proof_of_coverage', 'submit_witness'): 1.5,
    ('pallet_proof_of_coverage', 'submit_beacon'): 2.0,
    ('pallet_storage_deals', 'propose_deal'): 2.5,
    ('pallet_storage_deals', 'accept_deal'): 2.5,
    # Both settlement calls are charged the larger of these two worst cases.
    ('pallet_storage_deals', 'settle_deal'): 3.0,
    ('pallet_storage_deals', 'terminate_deal'): 3.0,
    # A plain reading; one after missed intervals also moves the penalty (see the pallet README).
    ('pallet_energy_settlement', 'submit_reading'): 2.0,
    # `settle` is charged the larger of its two paths.
    ('pallet_energy_settlement', 'settle_credit'): 3.0,
    ('pallet_energy_settlement', 'settle_debit'): 3.0,
}
# Budgets over a component: (pallet, call, component, values, base multiple, multiple per unit).
LINEAR = [('pallet_proof_of_coverage', 'reveal_beacon', 'n', (0, 1, 3, 14), 2.0, 1.5),
          # A proof of a 32 GiB file has a path of 27 hashes.
          ('pallet_storage_deals', 'submit_proof', 'd', (0, 20, 27), 1.5, 0.0)]
# Benchmarks with a component that must not make them grow: (pallet, call, component, low, high,
# most growth allowed from low to high as a fraction of the weight at low).
FLAT = [('pallet_rewards', 'on_initialize_close', 'd', 10, 10_000, 0.10)]
# Storage items whose largest encoded value we report: (pallet file, item, key bytes).
RECORDS = [('pallets/device-registry/src/weights.rs', 'DeviceRegistry::Devices', 16 + 32)]


def slopes(path):
    """(name, component) -> (ps per unit, reads per unit, writes per unit) of the first impl."""
    text = (ROOT / path).read_text()
    out, seen = {}, set()
    for m in re.finditer(r'fn (\w+)\([^)]*\) -> Weight \{(.*?)\n\t\}', text, re.S):
        name, body = m.group(1), m.group(2)
        if name in seen:
            continue
        seen.add(name)
        # A component may have two `from_parts(..).saturating_mul(..)` terms (ref_time, and a
        # proof-size-only one with ref_time 0): add them up.
        for c in re.finditer(r'Weight::from_parts\(([\d_]+), \d+\)\.saturating_mul\((\w+)\.into\(\)\)',
                             body):
            slot = out.setdefault((name, c.group(2)), [0, 0, 0])
            slot[0] += int(c.group(1).replace('_', ''))
        for kind, i in (('reads', 1), ('writes', 2)):
            for c in re.finditer(r'\.' + kind + r'\(\((\d+)_u64\)\.saturating_mul\((\w+)\.into', body):
                out.setdefault((name, c.group(2)), [0, 0, 0])[i] = int(c.group(1))
    return out


def weights(path):
    """name -> (base ps, reads, writes, proof bytes) of the first impl in a weights file."""
    text = (ROOT / path).read_text()
    out = {}
    for m in re.finditer(r'fn (\w+)\([^)]*\) -> Weight \{(.*?)\n\t\}', text, re.S):
        name, body = m.group(1), m.group(2)
        if name in out:
            continue
        base = re.search(r'Weight::from_parts\(([\d_]+), (\d+)\)', body)
        # Our template writes `reads(3_u64)`, the CLI's default one `reads(3)`.
        reads = re.search(r'\.reads\((\d+)(?:_u64)?\)\)', body)
        writes = re.search(r'\.writes\((\d+)(?:_u64)?\)\)', body)
        out[name] = (int(base.group(1).replace('_', '')), int(reads.group(1)) if reads else 0,
                     int(writes.group(1)) if writes else 0, int(base.group(2)))
    return out


def total(w):
    base, reads, writes, _ = w
    return base + reads * READ_PS + writes * WRITE_PS


def main():
    out_path = ROOT / sys.argv[2]
    baseline = weights(BASELINE[0])[BASELINE[1]]
    b = total(baseline)
    lines = [
        '# Benchmarks',
        '',
        'Generated by `scripts/bench.sh`; do not edit. Weights are `ref_time`: measured execution time',
        'plus storage accesses priced with the runtime\'s ParityDB weights (read 8 µs, write 50 µs).',
        f'Baseline, measured in the same run: `pallet_balances::transfer_keep_alive` = **{b / 1e6:.1f} µs**',
        f'({baseline[0] / 1e6:.1f} µs execution, {baseline[1]} reads, {baseline[2]} writes).',
        '',
        '| pallet | call | execution µs | reads | writes | total µs | x transfer | budget | proof bytes |',
        '|---|---|---:|---:|---:|---:|---:|---|---:|',
    ]
    over = []
    for pallet, path in PALLETS.items():
        for name, w in weights(path).items():
            t = total(w)
            ratio = t / b
            budget = BUDGETS.get((pallet, name))
            verdict = ''
            if budget is not None:
                ok = ratio <= budget
                verdict = f'≤ {budget}x: {"within" if ok else "OVER"}'
                if not ok:
                    over.append(f'{pallet}::{name} {ratio:.2f}x > {budget}x')
            lines.append(f'| {pallet} | {name} | {w[0] / 1e6:.1f} | {w[1]} | {w[2]} | {t / 1e6:.1f} | '
                         f'{ratio:.2f} | {verdict} | {w[3]} |')
    lines.append('')
    for pallet, name, comp, low, high, most in FLAT:
        path = PALLETS[pallet]
        w = weights(path)[name]
        ps, r, wr = slopes(path).get((name, comp), (0, 0, 0))
        at = lambda n: total(w) + n * (ps + r * READ_PS + wr * WRITE_PS)
        growth = (at(high) - at(low)) / at(low)
        ok = growth <= most
        lines.append(f'`{pallet}::{name}` over `{comp}` = {low}..{high}: {at(low) / 1e6:.1f} µs at {low}, '
                     f'{at(high) / 1e6:.1f} µs at {high} ({growth * 100:+.1f}%; slope {ps / 1e3:.3f} ns, '
                     f'{r} reads, {wr} writes per unit): {"flat" if ok else "GROWS"} '
                     f'(allowed {most * 100:.0f}%).')
        if not ok:
            over.append(f'{pallet}::{name} grows {growth * 100:.1f}% over {comp}')
    lines.append('')
    for pallet, name, comp, values, base_x, per_x in LINEAR:
        path = PALLETS[pallet]
        w = weights(path)[name]
        ps, r, wr = slopes(path).get((name, comp), (0, 0, 0))
        for n in values:
            t = total(w) + n * (ps + r * READ_PS + wr * WRITE_PS)
            allowed = base_x + n * per_x
            ok = t / b <= allowed
            lines.append(f'`{pallet}::{name}` at `{comp}` = {n}: {t / 1e6:.1f} µs = {t / b:.2f}x '
                         f'(budget {base_x} + {comp} x {per_x} = {allowed}x: {"within" if ok else "OVER"}).')
            if not ok:
                over.append(f'{pallet}::{name}({comp}={n}) {t / b:.2f}x > {allowed}x')
    lines.append('')
    for path, item, key_bytes in RECORDS:
        m = re.search(re.escape(item) + r'`? \(`max_values`: \w+, `max_size`: Some\((\d+)\)',
                      (ROOT / path).read_text())
        if m:
            size = int(m.group(1))
            lines.append(f'Largest `{item}` value: {size - key_bytes} bytes encoded '
                         f'({size} with its {key_bytes}-byte key).')
    host = re.search(r'HOSTNAME: `([^`]*)`, CPU: `([^`]*)`', (ROOT / path).read_text())
    date = re.search(r'DATE: ([^,]+),', (ROOT / path).read_text())
    if host and date:
        lines.append(f'\nMeasured {date.group(1)} on `{host.group(2)}`.')
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text('\n'.join(lines) + '\n')
    print('\n'.join(lines))
    if over:
        print('over budget: ' + '; '.join(over), file=sys.stderr)
        sys.exit(1)


main()
