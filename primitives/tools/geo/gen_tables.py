#!/usr/bin/env python3
"""Generate src/geo/tables.rs from H3's C source constants.

Inputs (checked in under tools/h3-c/, copied verbatim from uber/h3 tag v4.5.0,
commit 1b536c34225191ba24a75a840f634d4a48c3b206, Apache-2.0):
  baseCells.c  - base cell neighbours, neighbour rotations, home face IJK data
  faceijk.c    - face centres (xyz), face axis azimuths, face neighbours,
                 overage tables
  localij.c    - pentagon rotation / failed-direction tables
  constants.h  - RES0_U_GNOMONIC, M_AP7_ROT_RADS, EARTH_RADIUS_KM, ...

Integer tables are copied as they are.  Fixed-point constants are derived
deterministically with Python's `decimal` module at 60 significant digits from
the decimal literals found in the C source (no binary floating point is used),
then rounded half-even to the target Q format.

Usage: python3 tools/geo/gen_tables.py            (rewrites src/geo/tables.rs)
       python3 tools/geo/gen_tables.py --check    (exit 1 if src/geo/tables.rs is stale)
"""

import re
import sys
from decimal import Decimal, getcontext, ROUND_HALF_EVEN
from pathlib import Path

getcontext().prec = 60

ROOT = Path(__file__).resolve().parent.parent.parent
SRC = ROOT / "tools" / "geo" / "h3-c"
OUT = ROOT / "src" / "geo" / "tables.rs"

# Fixed-point formats used by the Rust code.
Q_VEC = 60  # 3D vectors (face centre, face axes)
Q_ANG = 62  # angles in radians (CORDIC table, pi)
Q_LOG = 48  # log2 results and the 20*log10(2) factor
Q_FSPL = 96  # FSPL constant term
Q_RADIUS = 24  # earth radius in millimetres


def strip_comments(text):
	text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
	return re.sub(r"//[^\n]*", "", text)


def initializer(text, name):
	"""Return the text of the brace initializer of the C array `name`."""
	m = re.search(r"\b" + re.escape(name) + r"\s*(\[[^=]*\])\s*=\s*\{", text)
	if not m:
		raise SystemExit(f"table {name} not found")
	start = m.end() - 1
	depth = 0
	for pos in range(start, len(text)):
		if text[pos] == "{":
			depth += 1
		elif text[pos] == "}":
			depth -= 1
			if depth == 0:
				return text[start : pos + 1]
	raise SystemExit(f"unterminated initializer for {name}")


SYMBOLS = {
	"INVALID_BASE_CELL": "127",
	"true": "1",
	"false": "0",
	"IJ": "1",
	"KI": "2",
	"JK": "3",
}


def tokens(init):
	"""Numeric tokens (as strings) of an initializer, symbols substituted."""
	out = []
	for tok in re.findall(r"[-+]?[A-Za-z_][A-Za-z_0-9]*|[-+]?[0-9][0-9.eE+-]*", init):
		neg = tok.startswith("-")
		bare = tok.lstrip("+-")
		if bare in SYMBOLS:
			bare = SYMBOLS[bare]
			tok = ("-" if neg else "") + bare
		elif not re.match(r"[0-9]", bare):
			raise SystemExit(f"unknown symbol {tok}")
		out.append(tok)
	return out


def ints(init):
	return [int(t) for t in tokens(init)]


def decs(init):
	return [Decimal(t) for t in tokens(init)]


def chunk(seq, n):
	assert len(seq) % n == 0, (len(seq), n)
	return [seq[i : i + n] for i in range(0, len(seq), n)]


def define(text, name):
	m = re.search(r"#define\s+" + name + r"\s+([-0-9.eE+]+)", text)
	if not m:
		raise SystemExit(f"define {name} not found")
	return Decimal(m.group(1))


# ---------------------------------------------------------------- decimal math


def d_pi():
	# Machin: pi = 16 atan(1/5) - 4 atan(1/239)
	return 16 * d_atan_small(Decimal(1) / 5) - 4 * d_atan_small(Decimal(1) / 239)


def d_atan_small(x):
	"""atan by Taylor series, |x| <= 1/2."""
	assert abs(x) <= Decimal("0.5")
	total = Decimal(0)
	term = x
	x2 = x * x
	n = 1
	eps = Decimal(10) ** -(getcontext().prec + 2)
	while True:
		add = term / n
		if abs(add) < eps:
			break
		total += add
		term = -term * x2
		n += 2
	return total


def d_atan(x):
	"""atan for any x >= 0 via argument halving: atan x = 2 atan(x/(1+sqrt(1+x^2)))."""
	halvings = 0
	while abs(x) > Decimal("0.25"):
		x = x / (1 + (1 + x * x).sqrt())
		halvings += 1
	return d_atan_small(x) * (2**halvings)


def d_sin_cos(a):
	pi = d_pi()
	two_pi = 2 * pi
	a = a % two_pi
	s = Decimal(0)
	c = Decimal(0)
	term = Decimal(1)
	n = 0
	eps = Decimal(10) ** -(getcontext().prec + 2)
	# term = a^n / n!
	while True:
		if n % 4 == 0:
			c += term
		elif n % 4 == 1:
			s += term
		elif n % 4 == 2:
			c -= term
		else:
			s -= term
		n += 1
		term = term * a / n
		if abs(term) < eps and n > 4:
			break
	return s, c


def q(x, bits):
	return int((x * (Decimal(2) ** bits)).to_integral_value(rounding=ROUND_HALF_EVEN))


def norm3(v):
	m = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt()
	return [c / m for c in v]


def cross(a, b):
	return [
		a[1] * b[2] - a[2] * b[1],
		a[2] * b[0] - a[0] * b[2],
		a[0] * b[1] - a[1] * b[0],
	]


# --------------------------------------------------------------------- parsing


def main():
	base_cells = strip_comments((SRC / "baseCells.c").read_text())
	faceijk = strip_comments((SRC / "faceijk.c").read_text())
	localij = strip_comments((SRC / "localij.c").read_text())
	consts = (SRC / "constants.h").read_text()

	neighbors = chunk(ints(initializer(base_cells, "baseCellNeighbors")), 7)
	rots = chunk(ints(initializer(base_cells, "baseCellNeighbor60CCWRots")), 7)
	bc_data = chunk(ints(initializer(base_cells, "baseCellData")), 7)
	assert len(neighbors) == len(rots) == len(bc_data) == 122

	face_center = chunk(decs(initializer(faceijk, "faceCenterPoint")), 3)
	face_az = chunk(decs(initializer(faceijk, "faceAxesAzRadsCII")), 3)
	face_nb = chunk(chunk(ints(initializer(faceijk, "faceNeighbors")), 5), 4)
	max_dim = ints(initializer(faceijk, "maxDimByCIIres"))
	unit_scale = ints(initializer(faceijk, "unitScaleByCIIres"))
	assert len(face_center) == len(face_az) == len(face_nb) == 20
	assert len(max_dim) == len(unit_scale) == 17

	pent_rot = chunk(ints(initializer(localij, "PENTAGON_ROTATIONS")), 7)
	pent_rot_rev = chunk(ints(initializer(localij, "PENTAGON_ROTATIONS_REVERSE")), 7)
	pent_rot_rev_np = chunk(ints(initializer(localij, "PENTAGON_ROTATIONS_REVERSE_NONPOLAR")), 7)
	pent_rot_rev_p = chunk(ints(initializer(localij, "PENTAGON_ROTATIONS_REVERSE_POLAR")), 7)
	failed = chunk(ints(initializer(localij, "FAILED_DIRECTIONS")), 7)
	for t in (pent_rot, pent_rot_rev, pent_rot_rev_np, pent_rot_rev_p, failed):
		assert len(t) == 7

	res0_u = define(consts, "RES0_U_GNOMONIC")
	ap7_rot = define(consts, "M_AP7_ROT_RADS")
	earth_km = define(consts, "EARTH_RADIUS_KM")
	sqrt3_2 = Decimal(3).sqrt() / 2
	rsqrt7 = 1 / Decimal(7).sqrt()

	# ---------------------------------------------------- derived face vectors
	# H3 _hex2dToVec3: P = normalize(cos r C + sin r (cos az N + sin az E)),
	# r = atan(s |v|), az = A0 - (theta + delta).  As a gnomonic projection
	# this is P ~ C + s (x U + y V) with U = cos A' N + sin A' E,
	# V = sin A' N - cos A' E, A' = A0 - delta.  With x = i - j/2,
	# y = j sqrt(3)/2 (i, j = ijk.i - ijk.k, ijk.j - ijk.k):
	# P ~ C + 7^-floor(res/2) (i AX + j BX), AX = G g U, BX = G g (sqrt3/2 V - U/2),
	# G = RES0_U_GNOMONIC, g = 1 (Class II) or 1/sqrt(7) (Class III).
	zhat = [Decimal(0), Decimal(0), Decimal(1)]
	centers = []
	axis_a = [[], []]
	axis_b = [[], []]
	for f in range(20):
		c = norm3(face_center[f])
		centers.append(c)
		cz = c[2]
		north = norm3([zhat[i] - cz * c[i] for i in range(3)])
		east = cross(north, c)
		for cls, (delta, g) in enumerate(((Decimal(0), Decimal(1)), (ap7_rot, rsqrt7))):
			s, co = d_sin_cos(face_az[f][0] - delta)
			u = [co * north[i] + s * east[i] for i in range(3)]
			v = [s * north[i] - co * east[i] for i in range(3)]
			a = [res0_u * g * u[i] for i in range(3)]
			b = [res0_u * g * (sqrt3_2 * v[i] - u[i] / 2) for i in range(3)]
			axis_a[cls].append(a)
			axis_b[cls].append(b)

	pi = d_pi()
	cordic = [d_atan(Decimal(2) ** -i) for i in range(63)]
	# Earth radius in millimetres (H3 EARTH_RADIUS_KM * 1e6), Q24.
	radius_mm = earth_km * 1000000
	# FSPL(dB) = 20 log10(4 pi d f / c) = 20 log10(2) log2(d f) + 20 log10(4 pi / c)
	c_light = Decimal(299792458)
	twenty_log10_2 = 20 * Decimal(2).log10()
	fspl_k = 20 * (4 * pi / c_light).log10()

	# ------------------------------------------------------------------ output
	o = []
	w = o.append
	w("//! Generated by `tools/geo/gen_tables.py` from H3 v4.5.0 C sources (Apache-2.0,")
	w("//! Copyright Uber Technologies, Inc.); see `tools/h3-c/`. DO NOT EDIT.")
	w("//!")
	w("//! Integer tables are verbatim copies of `baseCells.c`, `faceijk.c` and `localij.c`.")
	w("//! Fixed-point constants are derived from the decimal literals of those files.")
	w("")
	w("/// Number of base cells.")
	w("pub const NUM_BASE_CELLS: usize = 122;")
	w("/// Marker for a missing base-cell neighbour (`INVALID_BASE_CELL`).")
	w("pub const INVALID_BASE_CELL: u8 = 127;")
	w("")
	w("/// Home face and base-cell-resolution IJK of a base cell (`baseCellData`).")
	w("#[derive(Clone, Copy, Debug)]")
	w("pub struct BaseCellData {")
	w("\t/// Home icosahedron face.")
	w("\tpub face: u8,")
	w("\t/// Normalized IJK+ coordinates on the home face.")
	w("\tpub ijk: [i32; 3],")
	w("\t/// Whether the base cell is a pentagon.")
	w("\tpub is_pentagon: bool,")
	w("}")
	w("")
	w("/// `baseCellData` (the clockwise-offset pentagon faces are not needed here).")
	w("pub static BASE_CELL_DATA: [BaseCellData; NUM_BASE_CELLS] = [")
	for bc, d in enumerate(bc_data):
		face, i, j, k, pent, _cw0, _cw1 = d
		w(
			f"\tBaseCellData {{ face: {face}, ijk: [{i}, {j}, {k}], "
			f"is_pentagon: {'true' if pent else 'false'} }}, // {bc}"
		)
	w("];")
	w("")
	w("/// `baseCellNeighbors`: neighbouring base cell in each IJK direction (127: none).")
	w("pub static BASE_CELL_NEIGHBORS: [[u8; 7]; NUM_BASE_CELLS] = [")
	for bc, row in enumerate(neighbors):
		w("\t[" + ", ".join(str(x) for x in row) + f"], // {bc}")
	w("];")
	w("")
	w("/// `baseCellNeighbor60CCWRots`: ccw 60 degree rotations into the neighbour (-1: none).")
	w("pub static BASE_CELL_NEIGHBOR_60CCW_ROTS: [[i8; 7]; NUM_BASE_CELLS] = [")
	for bc, row in enumerate(rots):
		w("\t[" + ", ".join(str(x) for x in row) + f"], // {bc}")
	w("];")
	w("")
	w("/// A neighbouring face and the transform into it (`FaceOrientIJK`).")
	w("#[derive(Clone, Copy, Debug)]")
	w("pub struct FaceOrient {")
	w("\t/// Face number.")
	w("\tpub face: u8,")
	w("\t/// Res 0 translation relative to the primary face.")
	w("\tpub translate: [i32; 3],")
	w("\t/// Number of 60 degree ccw rotations relative to the primary face.")
	w("\tpub ccw_rot60: u8,")
	w("}")
	w("")
	w("/// `faceNeighbors`: [central, IJ, KI, JK] neighbours of each face.")
	w("pub static FACE_NEIGHBORS: [[FaceOrient; 4]; 20] = [")
	for f, row in enumerate(face_nb):
		w(f"\t// face {f}")
		w("\t[")
		for fo in row:
			w(
				f"\t\tFaceOrient {{ face: {fo[0]}, translate: [{fo[1]}, {fo[2]}, {fo[3]}], "
				f"ccw_rot60: {fo[4]} }},"
			)
		w("\t],")
	w("];")
	w("")
	w("/// `maxDimByCIIres`: overage distance per Class II resolution (-1: n/a).")
	w("pub static MAX_DIM_BY_CII_RES: [i32; 17] = [" + ", ".join(map(str, max_dim)) + "];")
	w("/// `unitScaleByCIIres`: unit scale distance per Class II resolution (-1: n/a).")
	w("pub static UNIT_SCALE_BY_CII_RES: [i32; 17] = [" + ", ".join(map(str, unit_scale)) + "];")
	w("")

	def table7(name, doc, rows, ty):
		w(f"/// {doc}")
		w(f"pub static {name}: [[{ty}; 7]; 7] = [")
		for r in rows:
			if ty == "bool":
				w("\t[" + ", ".join("true" if x else "false" for x in r) + "],")
			else:
				w("\t[" + ", ".join(str(x) for x in r) + "],")
		w("];")
		w("")

	table7("PENTAGON_ROTATIONS", "`PENTAGON_ROTATIONS` (localij.c).", pent_rot, "i8")
	table7(
		"PENTAGON_ROTATIONS_REVERSE",
		"`PENTAGON_ROTATIONS_REVERSE` (localij.c).",
		pent_rot_rev,
		"i8",
	)
	table7(
		"PENTAGON_ROTATIONS_REVERSE_NONPOLAR",
		"`PENTAGON_ROTATIONS_REVERSE_NONPOLAR` (localij.c).",
		pent_rot_rev_np,
		"i8",
	)
	table7(
		"PENTAGON_ROTATIONS_REVERSE_POLAR",
		"`PENTAGON_ROTATIONS_REVERSE_POLAR` (localij.c).",
		pent_rot_rev_p,
		"i8",
	)
	table7("FAILED_DIRECTIONS", "`FAILED_DIRECTIONS` (localij.c).", failed, "bool")

	def vec_table(name, doc, vecs):
		w(f"/// {doc}")
		w(f"pub static {name}: [[i64; 3]; 20] = [")
		for f, v in enumerate(vecs):
			w("\t[" + ", ".join(str(q(x, Q_VEC)) for x in v) + f"], // face {f}")
		w("];")
		w("")

	w(f"/// Binary point of the fixed-point 3D vectors (Q{Q_VEC}).")
	w(f"pub const Q_VEC: u32 = {Q_VEC};")
	w("")
	vec_table("FACE_CENTER_Q60", "Icosahedron face centres (unit vectors, `faceCenterPoint`).", centers)
	vec_table(
		"FACE_AXIS_I_CII_Q60",
		"Tangent vector per unit of `ijk.i - ijk.k` at a Class II resolution 0 grid.",
		axis_a[0],
	)
	vec_table(
		"FACE_AXIS_J_CII_Q60",
		"Tangent vector per unit of `ijk.j - ijk.k` at a Class II resolution 0 grid.",
		axis_b[0],
	)
	vec_table(
		"FACE_AXIS_I_CIII_Q60",
		"Tangent vector per unit of `ijk.i - ijk.k`, Class III (includes 1/sqrt 7 and the ap7 rotation).",
		axis_a[1],
	)
	vec_table(
		"FACE_AXIS_J_CIII_Q60",
		"Tangent vector per unit of `ijk.j - ijk.k`, Class III (includes 1/sqrt 7 and the ap7 rotation).",
		axis_b[1],
	)

	w(f"/// Binary point of angles in radians (Q{Q_ANG}).")
	w(f"pub const Q_ANG: u32 = {Q_ANG};")
	w(f"/// pi in Q{Q_ANG}.")
	w(f"pub const PI_Q62: i128 = {q(pi, Q_ANG)};")
	w(f"/// atan(2^-i) in Q{Q_ANG}, i = 0..63 (CORDIC angle table).")
	w("pub static CORDIC_ATAN_Q62: [i64; 63] = [")
	for i in range(0, 63, 3):
		w("\t" + " ".join(f"{q(x, Q_ANG)}," for x in cordic[i : i + 3]))
	w("];")
	w("")
	w(f"/// H3 `EARTH_RADIUS_KM` ({earth_km} km) in millimetres, Q{Q_RADIUS}.")
	w(f"pub const EARTH_RADIUS_MM_Q24: u128 = {q(radius_mm, Q_RADIUS)};")
	w(f"/// Binary point of `EARTH_RADIUS_MM_Q24`.")
	w(f"pub const Q_RADIUS: u32 = {Q_RADIUS};")
	w("")
	w(f"/// Binary point of log2 values (Q{Q_LOG}).")
	w(f"pub const Q_LOG: u32 = {Q_LOG};")
	w(f"/// 20 log10(2) in Q{Q_LOG}.")
	w(f"pub const TWENTY_LOG10_2_Q48: i128 = {q(twenty_log10_2, Q_LOG)};")
	w(f"/// 20 log10(4 pi / c) dB, c = 299792458 m/s, in Q{Q_FSPL}.")
	w(f"pub const FSPL_CONST_Q96: i128 = {q(fspl_k, Q_FSPL)};")
	w(f"/// Binary point of `FSPL_CONST_Q96` and of the FSPL sum (Q{Q_FSPL}).")
	w(f"pub const Q_FSPL: u32 = {Q_FSPL};")
	text = "\n".join(o) + "\n"

	if "--check" in sys.argv:
		if OUT.read_text() != text:
			print("src/geo/tables.rs is stale; run tools/geo/gen_tables.py", file=sys.stderr)
			sys.exit(1)
		print("src/geo/tables.rs is up to date")
		return
	OUT.write_text(text)
	print(f"wrote {OUT}")


if __name__ == "__main__":
	main()
