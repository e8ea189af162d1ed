//! Benchmarks of every call, each in its worst case. Keys are generated and used through the
//! keystore, so that signatures are real sr25519 signatures (the slower accepted scheme).

use crate::{pallet::*, BalanceOf, MakerAttestation, MakerNameOf, OfferEnd, SuspensionReason};
use alloc::{vec, vec::Vec};
use depin_primitives::{
	proofs::{maker_payload, possession_payload},
	DeviceKind,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Get};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::crypto::KeyTypeId;
use sp_runtime::{traits::Saturating, AccountId32, MultiSignature};

const KEY_TYPE: KeyTypeId = KeyTypeId(*b"dpnb");
/// An H3 cell at resolution 12 (Berlin) and another (San Francisco).
const CELL_A: u64 = 0x08c1f1d48945d9ff;
const CELL_B: u64 = 0x08c283082800b3ff;
/// Two resolution-12 cells 14,062 grid steps apart beside pentagon base cell 4 (h3-py vectors).
const GEO_A: u64 = 0x08c08000000001ff;
const GEO_B: u64 = 0x08c0811c71408bff;

/// A fresh sr25519 key in the keystore and its account.
fn new_key() -> (sp_core::sr25519::Public, AccountId32) {
	let public = sp_io::crypto::sr25519_generate(KEY_TYPE, None);
	(public, public.into())
}

fn sign(
	public: &sp_core::sr25519::Public,
	payload: &[u8],
) -> Result<MultiSignature, BenchmarkError> {
	sp_io::crypto::sr25519_sign(KEY_TYPE, public, payload)
		.map(Into::into)
		.ok_or(BenchmarkError::Stop("keystore cannot sign"))
}

/// In this chain's runtime every transaction fee is credited to `Treasury` (transaction payment
/// resolves fees to it), so each extrinsic writes the treasury's account anyway: like the
/// caller's account, it is whitelisted, and a fee or slash paid to it costs no extra storage
/// access. (A runtime that pays fees elsewhere must not whitelist it.)
fn whitelist_treasury<T: Config>() {
	let treasury = T::Treasury::get();
	frame_benchmarking::whitelist_account!(treasury);
}

/// Enough for every deposit, fee and bond many times over.
fn fund<T: Config>(who: &T::AccountId) {
	let unit = T::DeviceDeposit::get()
		.saturating_add(T::OnboardingFee::get())
		.saturating_add(T::LocationFee::get())
		.saturating_add(T::MakerBond::get());
	let amount = unit.saturating_mul(100u32.into());
	let _ = T::Currency::set_balance(who, amount);
}

/// The longest maker name.
fn longest_name<T: Config>() -> Result<MakerNameOf<T>, BenchmarkError> {
	MakerNameOf::<T>::try_from(vec![b'm'; T::MaxMakerNameLen::get() as usize])
		.map_err(|_| BenchmarkError::Stop("name"))
}

/// A maker that applied (its bond held) and whose key is in the keystore.
fn applied_maker<T: Config>() -> Result<(sp_core::sr25519::Public, AccountId32), BenchmarkError> {
	let (public, maker) = new_key();
	fund::<T>(&maker);
	Pallet::<T>::do_apply_maker(maker.clone(), longest_name::<T>()?)?;
	Ok((public, maker))
}

/// An approved maker whose key is in the keystore.
fn approved_maker<T: Config>() -> Result<(sp_core::sr25519::Public, AccountId32), BenchmarkError> {
	let (public, maker) = applied_maker::<T>()?;
	Pallet::<T>::do_approve_maker(maker.clone())?;
	Ok((public, maker))
}

/// A suspended device of `owner`.
fn suspended_device<T: Config>(owner: &AccountId32) -> Result<AccountId32, BenchmarkError> {
	let device = registered_device::<T>(owner)?;
	Pallet::<T>::do_suspend(device.clone(), SuspensionReason::FakeHardware)?;
	Ok(device)
}

/// Registers a hotspot (no maker) for `owner` and returns it.
fn registered_device<T: Config>(owner: &AccountId32) -> Result<AccountId32, BenchmarkError> {
	let (public, device) = new_key();
	let genesis = Pallet::<T>::genesis_hash();
	let proof = sign(&public, &possession_payload(&genesis, owner, &device, 0))?;
	Pallet::<T>::do_register(
		owner.clone(),
		device.clone(),
		DeviceKind::Hotspot,
		CELL_A,
		proof,
		None,
	)?;
	Ok(device)
}

fn last_event<T: Config>(event: Event<T>)
where
	<T as frame_system::Config>::RuntimeEvent: From<Event<T>>,
{
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

fn advance<T: Config>(blocks: BlockNumberFor<T>) {
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now.saturating_add(blocks));
}

#[benchmarks(where <T as frame_system::Config>::RuntimeEvent: From<Event<T>>)]
mod benchmarks {
	use super::*;

	/// Worst case: a kind that requires a maker, so two signatures are verified; the device was
	/// registered before (its counter is read and written either way).
	#[benchmark]
	fn register_device() -> Result<(), BenchmarkError> {
		whitelist_treasury::<T>();
		let owner: AccountId32 = whitelisted_caller();
		fund::<T>(&owner);
		let (maker_public, maker) = approved_maker::<T>()?;
		RequiresMaker::<T>::insert(DeviceKind::Hotspot, true);
		let (public, device) = new_key();
		Registrations::<T>::insert(&device, 1);
		let genesis = Pallet::<T>::genesis_hash();
		let proof = sign(&public, &possession_payload(&genesis, &owner, &device, 1))?;
		let signature =
			sign(&maker_public, &maker_payload(&genesis, &device, DeviceKind::Hotspot))?;
		let attestation = Some(MakerAttestation { maker: maker.clone(), signature });

		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner.clone()),
			device.clone(),
			DeviceKind::Hotspot,
			CELL_A,
			proof,
			attestation,
		);

		assert!(Devices::<T>::contains_key(&device));
		assert_eq!(OwnerDeviceCount::<T>::get(&owner), 1);
		Ok(())
	}

	#[benchmark]
	fn assert_location() -> Result<(), BenchmarkError> {
		whitelist_treasury::<T>();
		let owner: AccountId32 = whitelisted_caller();
		fund::<T>(&owner);
		let device = registered_device::<T>(&owner)?;
		advance::<T>(T::LocationCooldown::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone(), CELL_B);

		last_event::<T>(Event::LocationAsserted {
			device,
			location: CELL_B,
			fee: T::LocationFee::get(),
		});
		Ok(())
	}

	/// Worst case: an earlier offer is replaced (one more event).
	#[benchmark]
	fn transfer_device() -> Result<(), BenchmarkError> {
		let owner: AccountId32 = whitelisted_caller();
		fund::<T>(&owner);
		let device = registered_device::<T>(&owner)?;
		Pallet::<T>::do_transfer(owner.clone(), device.clone(), account("earlier", 0, 0))?;
		let new_owner: AccountId32 = account("new_owner", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), device.clone(), new_owner.clone());

		let now = frame_system::Pallet::<T>::block_number();
		let expires_at = now.saturating_add(T::TransferOfferExpiry::get());
		last_event::<T>(Event::TransferProposed { device, from: owner, to: new_owner, expires_at });
		Ok(())
	}

	#[benchmark]
	fn cancel_device_transfer() -> Result<(), BenchmarkError> {
		let owner: AccountId32 = whitelisted_caller();
		fund::<T>(&owner);
		let device = registered_device::<T>(&owner)?;
		let to: AccountId32 = account("new_owner", 0, 0);
		Pallet::<T>::do_transfer(owner.clone(), device.clone(), to.clone())?;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone());

		last_event::<T>(Event::TransferCancelled { device, to, reason: OfferEnd::Cancelled });
		Ok(())
	}

	#[benchmark]
	fn accept_device_transfer() -> Result<(), BenchmarkError> {
		let owner: AccountId32 = account("owner", 0, 0);
		fund::<T>(&owner);
		let device = registered_device::<T>(&owner)?;
		let new_owner: AccountId32 = whitelisted_caller();
		fund::<T>(&new_owner);
		Pallet::<T>::do_transfer(owner.clone(), device.clone(), new_owner.clone())?;

		#[extrinsic_call]
		_(RawOrigin::Signed(new_owner.clone()), device.clone());

		last_event::<T>(Event::DeviceTransferred { device, from: owner, to: new_owner });
		Ok(())
	}

	#[benchmark]
	fn deregister_device() -> Result<(), BenchmarkError> {
		let owner: AccountId32 = whitelisted_caller();
		fund::<T>(&owner);
		let device = registered_device::<T>(&owner)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone());

		assert!(Devices::<T>::get(&device).is_some_and(|d| d.withdrawable_at.is_some()));
		Ok(())
	}

	#[benchmark]
	fn withdraw_deposit() -> Result<(), BenchmarkError> {
		let owner: AccountId32 = whitelisted_caller();
		fund::<T>(&owner);
		let device = registered_device::<T>(&owner)?;
		Pallet::<T>::do_deregister(owner.clone(), device.clone())?;
		advance::<T>(T::DeregistrationDelay::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), device.clone());

		last_event::<T>(Event::DepositWithdrawn { device, owner, amount: T::DeviceDeposit::get() });
		Ok(())
	}

	/// Worst case: a pending transfer offer is ended too.
	#[benchmark]
	fn suspend_device() -> Result<(), BenchmarkError> {
		let owner: AccountId32 = account("owner", 0, 0);
		fund::<T>(&owner);
		let device = registered_device::<T>(&owner)?;
		Pallet::<T>::do_transfer(owner.clone(), device.clone(), account("new_owner", 0, 0))?;
		let origin =
			T::DenyOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, device.clone(), SuspensionReason::FakeHardware);

		last_event::<T>(Event::DeviceSuspended { device, reason: SuspensionReason::FakeHardware });
		Ok(())
	}

	#[benchmark]
	fn reinstate_device() -> Result<(), BenchmarkError> {
		let owner: AccountId32 = account("owner", 0, 0);
		fund::<T>(&owner);
		let device = registered_device::<T>(&owner)?;
		Pallet::<T>::do_suspend(device.clone(), SuspensionReason::Other)?;
		let origin =
			T::DenyOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, device.clone());

		last_event::<T>(Event::DeviceReinstated { device });
		Ok(())
	}

	#[benchmark]
	fn slash_device() -> Result<(), BenchmarkError> {
		whitelist_treasury::<T>();
		let owner: AccountId32 = account("owner", 0, 0);
		fund::<T>(&owner);
		let device = registered_device::<T>(&owner)?;
		Pallet::<T>::do_suspend(device.clone(), SuspensionReason::FakeHardware)?;
		let origin =
			T::DenyOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let amount: BalanceOf<T> = T::DeviceDeposit::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, device.clone(), amount);

		last_event::<T>(Event::DeviceSlashed { device, owner, amount });
		Ok(())
	}

	#[benchmark]
	fn purge_device() -> Result<(), BenchmarkError> {
		whitelist_treasury::<T>();
		let owner: AccountId32 = account("owner", 0, 0);
		fund::<T>(&owner);
		let device = suspended_device::<T>(&owner)?;
		let origin =
			T::DenyOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, device.clone(), true);

		last_event::<T>(Event::DevicePurged {
			device,
			owner,
			slashed: T::DeviceDeposit::get(),
			released: 0u32.into(),
		});
		Ok(())
	}

	#[benchmark]
	fn top_up_deposit() -> Result<(), BenchmarkError> {
		let owner: AccountId32 = whitelisted_caller();
		fund::<T>(&owner);
		let device = suspended_device::<T>(&owner)?;
		let amount = T::DeviceDeposit::get();
		Pallet::<T>::do_slash_device(device.clone(), amount)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), device.clone());

		last_event::<T>(Event::DepositToppedUp { device, owner, amount });
		Ok(())
	}

	/// Worst case: the longest name.
	#[benchmark]
	fn apply_maker() -> Result<(), BenchmarkError> {
		let maker: AccountId32 = whitelisted_caller();
		fund::<T>(&maker);
		let name: Vec<u8> = vec![b'm'; T::MaxMakerNameLen::get() as usize];

		#[extrinsic_call]
		_(RawOrigin::Signed(maker.clone()), name);

		assert!(Makers::<T>::contains_key(&maker));
		Ok(())
	}

	#[benchmark]
	fn withdraw_maker_application() -> Result<(), BenchmarkError> {
		let maker: AccountId32 = whitelisted_caller();
		fund::<T>(&maker);
		Pallet::<T>::do_apply_maker(maker.clone(), longest_name::<T>()?)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(maker.clone()));

		last_event::<T>(Event::MakerApplicationWithdrawn { maker, released: T::MakerBond::get() });
		Ok(())
	}

	#[benchmark]
	fn approve_maker() -> Result<(), BenchmarkError> {
		let (_, maker) = applied_maker::<T>()?;
		let origin =
			T::MakerOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, maker.clone());

		last_event::<T>(Event::MakerApproved { maker });
		Ok(())
	}

	#[benchmark]
	fn top_up_maker_bond() -> Result<(), BenchmarkError> {
		let maker: AccountId32 = whitelisted_caller();
		fund::<T>(&maker);
		Pallet::<T>::do_apply_maker(maker.clone(), longest_name::<T>()?)?;
		Pallet::<T>::do_approve_maker(maker.clone())?;
		let amount = T::MakerBond::get();
		Pallet::<T>::do_slash_maker(maker.clone(), amount)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(maker.clone()));

		last_event::<T>(Event::MakerBondToppedUp { maker, amount });
		Ok(())
	}

	#[benchmark]
	fn remove_maker() -> Result<(), BenchmarkError> {
		let (_, maker) = approved_maker::<T>()?;
		let origin =
			T::MakerOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, maker.clone());

		last_event::<T>(Event::MakerRemoved { maker, released: T::MakerBond::get() });
		Ok(())
	}

	#[benchmark]
	fn slash_maker() -> Result<(), BenchmarkError> {
		whitelist_treasury::<T>();
		let (_, maker) = approved_maker::<T>()?;
		let origin =
			T::MakerOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let amount = T::MakerBond::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, maker.clone(), amount);

		last_event::<T>(Event::MakerSlashed { maker, amount });
		Ok(())
	}

	#[benchmark]
	fn set_kind_policy() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, DeviceKind::Sensor, true);

		assert!(RequiresMaker::<T>::get(DeviceKind::Sensor));
		Ok(())
	}

	/// `depin_primitives::geo::grid_distance` of two resolution-12 cells 14,062 grid steps
	/// (173 km) apart beside pentagon base cell 4 (a rotation across base cells): the grid work
	/// proof of coverage does per witness. Not a call; measured for `primitives/GEO.md`.
	#[benchmark]
	fn geo_grid_distance() {
		let (a, b) = (core::hint::black_box(GEO_A), core::hint::black_box(GEO_B));
		let distance;
		#[block]
		{
			distance = depin_primitives::geo::grid_distance(a, b);
		}
		assert_eq!(distance, Ok(14_062));
	}

	/// `depin_primitives::geo::distance_m` of the same two cells (both centres in fixed point,
	/// then the central angle). Not a call; measured for `primitives/GEO.md`.
	#[benchmark]
	fn geo_distance_m() {
		let (a, b) = (core::hint::black_box(GEO_A), core::hint::black_box(GEO_B));
		let distance;
		#[block]
		{
			distance = depin_primitives::geo::distance_m(a, b);
		}
		assert_eq!(distance, Ok(173_366));
	}

	/// `depin_primitives::geo::fspl_cdb` at 173 km and 5.9 GHz (the fixed-point log2 runs the
	/// same steps for any input). Not a call; measured for `primitives/GEO.md`.
	#[benchmark]
	fn geo_fspl() {
		let (d, f) = (core::hint::black_box(173_366u32), core::hint::black_box(5_900_000_000u64));
		let loss;
		#[block]
		{
			loss = depin_primitives::geo::fspl_cdb(d, f);
		}
		assert!(loss > 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
