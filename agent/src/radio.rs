//! A simulated radio: where hotspots stand (H3 cells of real cities) and what they hear
//! (free-space path loss from the runtime's own integer formula, minus realistic losses).
//!
//! Honest reports stay below the chain's free-space bound by construction (real links lose
//! 5-30 dB more than free space: walls, foliage, cables, fading); a cheater that inflates its
//! signal crosses it, and the chain refuses it (`SignalTooStrong`).

use depin_primitives::geo;
use rand::Rng;

/// Resolution-12 cells at the centres of real cities (from `h3.latlng_to_cell(lat, lng, 12)`).
pub const CITIES: [(&str, u64); 12] = [
	("Berlin", 0x08c1f1d48945d9ff),
	("Munich", 0x08c1f8d7a48c17ff),
	("Paris", 0x08c1fb46625551ff),
	("London", 0x08c195da49b5adff),
	("Amsterdam", 0x08c19695265205ff),
	("Madrid", 0x08c390cb1b0913ff),
	("New York", 0x08c2a107289061ff),
	("San Francisco", 0x08c283082800b3ff),
	("Lagos", 0x08c589c984c553ff),
	("Tokyo", 0x08c2f5a363ba01ff),
	("Sao Paulo", 0x08ca8100c0289bff),
	("Sydney", 0x08cbe0e35cbad1ff),
];

/// EU868 uplink frequency the simulated fleet uses.
pub const FREQUENCY_HZ: u64 = 868_100_000;
/// Transmit power of a simulated hotspot, dBm (EU868's 16 dBm cap with a 2 dBi antenna: 14).
pub const TX_POWER_DBM: i32 = 14;
/// Antenna gain declared by simulated hotspots, deci-dBi.
pub const GAIN_DDBI: u16 = 20;
/// The weakest signal a LoRa hotspot decodes (SF12, 125 kHz), deci-dBm.
pub const SENSITIVITY_DDBM: i32 = -1340;
/// The radiated power cap of EU868, dBm (the chain's default `MaxEirpDbm`).
pub const MAX_EIRP_DBM: i32 = 16;

/// A random resolution-12 cell within about 4 km of `city` (same resolution-6 parent: the
/// digits of resolutions 7 to 12 are drawn at random; a city centre is never a pentagon).
pub fn scatter(city: u64, rng: &mut impl Rng) -> u64 {
	loop {
		let mut cell = city;
		for r in 7..=12u8 {
			cell = geo::index::set_digit(cell, r, rng.gen_range(0..7));
		}
		if geo::is_valid_cell(cell) {
			return cell;
		}
	}
}

/// The radiated power of a beacon, deci-dBm, capped as the chain caps it.
pub fn eirp_ddbm(tx_power_dbm: i32, gain_ddbi: u16) -> i32 {
	(tx_power_dbm * 10 + i32::from(gain_ddbi)).min(MAX_EIRP_DBM * 10)
}

/// The strongest signal free space allows at `distance_m`, deci-dBm (the chain's bound:
/// `eirp + witness gain - FSPL`, rounded down to deci-dBm).
pub fn free_space_ddbm(
	eirp_ddbm: i32,
	witness_gain_ddbi: u16,
	distance_m: u32,
	frequency_hz: u64,
) -> i32 {
	let cdb = i64::from(eirp_ddbm + i32::from(witness_gain_ddbi)) * 10
		- i64::from(geo::fspl_cdb(distance_m, frequency_hz));
	cdb.div_euclid(10) as i32
}

/// What a witness at `witness` hears of a beacon from `beacon`: `(signal_ddbm, snr_ddb)`, or
/// `None` when the signal is below the sensitivity. `loss_ddb` is the link's loss beyond free
/// space (drawn by the caller: 50-300 deci-dB).
pub fn hear(
	beacon: u64,
	witness: u64,
	eirp_ddbm: i32,
	witness_gain_ddbi: u16,
	frequency_hz: u64,
	loss_ddb: i32,
) -> Option<(i32, i32)> {
	let d = geo::distance_m(beacon, witness).ok()?;
	let signal = free_space_ddbm(eirp_ddbm, witness_gain_ddbi, d.max(1), frequency_hz) - loss_ddb;
	if signal < SENSITIVITY_DDBM {
		return None;
	}
	// Thermal noise of a 125 kHz channel with a 6 dB noise figure: -117 dBm.
	let snr = signal + 1170;
	Some((signal, snr))
}

/// A realistic extra loss of a link, deci-dB: 5 to 30 dB.
pub fn link_loss(rng: &mut impl Rng) -> i32 {
	rng.gen_range(50..=300)
}

#[cfg(test)]
mod tests {
	use super::*;
	use rand::SeedableRng;

	#[test]
	fn scattered_cells_are_valid_and_near_their_city() {
		let mut rng = rand::rngs::StdRng::seed_from_u64(1);
		for (_, city) in CITIES {
			assert!(geo::is_valid_cell(city));
			for _ in 0..50 {
				let c = scatter(city, &mut rng);
				assert!(depin_primitives::Cell::new(c).is_ok());
				assert!(geo::distance_m(city, c).unwrap() < 15_000);
			}
		}
	}

	#[test]
	fn honest_signals_stay_below_the_free_space_bound() {
		let (a, b) = (CITIES[0].1, scatter(CITIES[0].1, &mut rand::rngs::StdRng::seed_from_u64(2)));
		let e = eirp_ddbm(TX_POWER_DBM, GAIN_DDBI);
		let d = geo::distance_m(a, b).unwrap();
		let bound = free_space_ddbm(e, GAIN_DDBI, d, FREQUENCY_HZ);
		let (s, _) = hear(a, b, e, GAIN_DDBI, FREQUENCY_HZ, 50).unwrap();
		assert_eq!(s, bound - 50);
		// 100 km away nothing is heard through 30 dB of loss.
		assert!(hear(CITIES[0].1, CITIES[1].1, e, GAIN_DDBI, FREQUENCY_HZ, 300).is_none());
	}
}
