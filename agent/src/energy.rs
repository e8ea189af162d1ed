//! Energy: a meter's readings (cumulative registers at interval boundaries, from a CSV file),
//! settlement, and the bill preview computed with the pallet's public formula
//! (`depin_primitives::energy::bill`), checked against the chain's own preview.

use crate::{
	chain::{fmt_dpn, Chain},
	depin::{self, runtime_types::pallet_energy_settlement::types::ReadingKind},
	keys::{address_of, Key},
};
use anyhow::{bail, Context, Result};
use depin_primitives::energy::{self, Flow, Tariffs};
use std::path::Path;
use subxt::utils::AccountId32;

/// One row of a meter's CSV: optional interval, cumulative Wh produced and consumed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
	/// The interval it closes (`None`: the next readable one).
	pub interval: Option<u32>,
	/// Cumulative Wh produced at the interval's end.
	pub produced: u64,
	/// Cumulative Wh consumed.
	pub consumed: u64,
}

/// Parses `interval,produced_wh,consumed_wh` or `produced_wh,consumed_wh` rows (a header line
/// and `#` comments are skipped).
pub fn parse_csv(text: &str) -> Result<Vec<Row>> {
	let mut rows = vec![];
	for (n, line) in text.lines().enumerate() {
		let line = line.trim();
		if line.is_empty()
			|| line.starts_with('#')
			|| line.chars().next().is_some_and(|c| c.is_alphabetic())
		{
			continue;
		}
		let f: Vec<&str> = line.split(',').map(str::trim).collect();
		let num = |s: &str| {
			s.parse::<u64>().with_context(|| format!("line {}: {s} is not a number of Wh", n + 1))
		};
		rows.push(match f.len() {
			2 => Row { interval: None, produced: num(f[0])?, consumed: num(f[1])? },
			3 => Row {
				interval: Some(
					f[0].parse().with_context(|| format!("line {}: bad interval", n + 1))?,
				),
				produced: num(f[1])?,
				consumed: num(f[2])?,
			},
			_ => bail!("line {}: expected interval,produced_wh,consumed_wh", n + 1),
		});
	}
	for w in rows.windows(2) {
		if w[1].produced < w[0].produced || w[1].consumed < w[0].consumed {
			bail!("registers go backwards between {:?} and {:?}: they are cumulative", w[0], w[1]);
		}
	}
	Ok(rows)
}

/// Registers an energy meter in a zone (by its owner).
pub async fn register(
	chain: &Chain,
	owner: &Key,
	device: AccountId32,
	zone: u32,
	capacity_w: u32,
) -> Result<()> {
	let call = depin::tx().energy_settlement().register_meter(device, zone, capacity_w);
	chain.submit(&call, owner).await?;
	println!("meter {} registered in zone {zone}, {capacity_w} W", address_of(&device.0));
	Ok(())
}

/// Submits the CSV's readings, each in its interval's reading window, signed by the meter.
pub async fn meter(chain: &Chain, device: &Key, csv: &Path) -> Result<()> {
	let text =
		std::fs::read_to_string(csv).with_context(|| format!("cannot read {}", csv.display()))?;
	let rows = parse_csv(&text)?;
	let me = device.account();
	let at = chain.at_best().await?;
	let status = at
		.runtime_apis()
		.call(depin::runtime_apis().depin_api().energy_meter(me))
		.await?
		.with_context(|| {
			format!(
				"{} is not a registered meter: its owner runs `energy register`",
				device.address()
			)
		})?;
	let zone = status.zone;
	println!(
		"meter {} in zone {zone}: first reading for interval {} or later",
		device.address(),
		status.next
	);
	let mut next_row = 0;
	let mut last_interval: Option<u32> = None;
	let mut last = 0;
	while next_row < rows.len() {
		let best = chain.next_best(last).await?;
		last = best;
		let at = chain.at_best().await?;
		let z = at
			.runtime_apis()
			.call(depin::runtime_apis().depin_api().energy_zone(zone))
			.await?
			.context("zone gone")?;
		let Some(k) = z.reading_interval else { continue };
		if last_interval == Some(k) {
			continue;
		}
		// The meter reads from its `next` interval on (a meter registered during an interval
		// cannot read that one).
		let status = at
			.runtime_apis()
			.call(depin::runtime_apis().depin_api().energy_meter(me))
			.await?
			.context("the meter was deregistered")?;
		if k < status.next {
			continue;
		}
		let row = rows[next_row];
		match row.interval {
			Some(i) if i > k => continue,
			Some(i) if i < k => {
				println!("interval {i}: its reading window is over; skipped");
				next_row += 1;
				continue;
			}
			_ => {}
		}
		let call = depin::tx().energy_settlement().submit_reading(k, row.produced, row.consumed);
		match chain.submit(&call, device).await {
			Ok(_) => println!(
				"interval {k}: registers {} Wh produced, {} Wh consumed",
				row.produced, row.consumed
			),
			Err(e) => println!("interval {k}: reading refused: {e:#}"),
		}
		last_interval = Some(k);
		next_row += 1;
	}
	Ok(())
}

/// Settles `meter`'s reading of `interval` (anyone may).
pub async fn settle(chain: &Chain, who: &Key, meter: AccountId32, interval: u32) -> Result<()> {
	let done = chain.submit(&depin::tx().energy_settlement().settle(meter, interval), who).await?;
	let ev = done
		.events
		.find_first::<depin::energy_settlement::events::Settled>()
		.context("no Settled event")??;
	println!(
		"interval {interval} of {} settled: credit {}, debit {}",
		address_of(&meter.0),
		fmt_dpn(ev.credit),
		fmt_dpn(ev.debit)
	);
	Ok(())
}

/// The bill of `meter` for `interval`, computed here with the public formula from the chain's
/// totals, and the chain's own preview beside it.
pub async fn bill(chain: &Chain, meter: AccountId32, interval: u32) -> Result<energy::Bill> {
	let at = chain.at_best().await?;
	let apis = at.runtime_apis();
	let status = apis
		.call(depin::runtime_apis().depin_api().energy_meter(meter))
		.await?
		.with_context(|| format!("{} is not a registered meter", address_of(&meter.0)))?;
	let preview = apis
		.call(depin::runtime_apis().depin_api().energy_bill(meter, interval))
		.await?
		.with_context(|| format!("no unsettled reading of interval {interval}"))?;
	let totals = apis
		.call(depin::runtime_apis().depin_api().energy_interval(status.zone, interval))
		.await?
		.context("the interval has no totals")?
		.totals;
	let t = &totals.tariffs;
	let tariffs = Tariffs { import: t.import, local: t.local, feed_in: t.feed_in };
	let mine = Flow { produced: preview.flow.produced, consumed: preview.flow.consumed };
	let zone = Flow { produced: totals.flow.produced, consumed: totals.flow.consumed };
	let local = matches!(preview.kind, ReadingKind::Local);
	let b =
		if local { energy::bill(&tariffs, zone, mine) } else { energy::grid_bill(&tariffs, mine) }
			.map_err(|e| anyhow::anyhow!("the formula refused: {e:?}"))?;
	println!(
		"meter {} interval {interval} ({}):",
		address_of(&meter.0),
		if local { "zone market" } else { "grid: after missed intervals" }
	);
	println!(
		"  produced {} Wh, consumed {} Wh; zone {} / {} Wh",
		mine.produced, mine.consumed, zone.produced, zone.consumed
	);
	println!(
		"  receives {}  pays {}  net credit {}  net debit {}",
		fmt_dpn(b.receipt),
		fmt_dpn(b.payment),
		fmt_dpn(b.credit()),
		fmt_dpn(b.debit())
	);
	println!(
		"  chain's preview: receives {} pays {} ({})",
		fmt_dpn(preview.bill.receipt),
		fmt_dpn(preview.bill.payment),
		if preview.is_final { "final" } else { "not final: later readings may change it" }
	);
	if preview.bill.receipt != b.receipt || preview.bill.payment != b.payment {
		bail!("the chain's preview differs from the formula: the agent is out of date");
	}
	Ok(b)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn csv_rows() {
		let rows = parse_csv("interval,produced_wh,consumed_wh\n3,100,50\n4,151,170\n").unwrap();
		assert_eq!(rows[1], Row { interval: Some(4), produced: 151, consumed: 170 });
		assert_eq!(parse_csv("# comment\n0,0\n101,120\n").unwrap().len(), 2);
		assert!(parse_csv("1,100,50\n2,90,60\n").unwrap_err().to_string().contains("backwards"));
		assert!(parse_csv("1,x,50\n").is_err());
	}
}
