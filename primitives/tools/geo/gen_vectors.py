#!/usr/bin/env python3
"""Generate reference vectors from h3-py (Uber H3 v4) for depin-primitives geo's tests.

Checked-in output (deterministic: fixed seed; depends only on the h3-py version):
  tests/vectors/pairs.txt    cell pairs: grid_distance (or H3 error code) and
                             the great-circle distance between the centres
  tests/vectors/centres.txt  cell centres (lat/lng degrees) for diagnostics
  tests/vectors/fspl.txt     free-space path loss over a distance/frequency grid

  python3 tools/geo/gen_vectors.py

Large, not checked in (for the `#[ignore]`d exhaustive tests):
  python3 tools/geo/gen_vectors.py --exhaustive /tmp/w/geo-exhaustive

File formats (whitespace separated, '#' starts a comment line):
  pairs.txt:   tag a b grid dist_m
               a, b: cells in hex; grid: integer or E<h3 error code>;
               dist_m: h3.great_circle_distance(cell_to_latlng(a),
               cell_to_latlng(b), unit='m') with 6 decimals, or E<code> if
               cell_to_latlng raises.
  centres.txt: cell lat lng   (degrees, 15 decimals)
  fspl.txt:    d_m f_hz fspl_db   (fspl_db = 20 log10(4 pi d f / 299792458), 9 decimals)
"""

import math
import random
import sys
from pathlib import Path

import h3
from h3.api import basic_int as h3i

SEED = 20240611
ROOT = Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "tests" / "vectors"

H3_VERSION = f"h3-py {h3.__version__} (H3 C {h3.versions()['c']})"

# Continent boxes: (name, lat_min, lat_max, lng_min, lng_max)
CONTINENTS = [
	("eu", 36.0, 60.0, -10.0, 30.0),
	("na", 25.0, 50.0, -125.0, -70.0),
	("sa", -40.0, 5.0, -75.0, -38.0),
	("af", -30.0, 30.0, -15.0, 45.0),
	("as", 8.0, 50.0, 70.0, 140.0),
	("au", -40.0, -12.0, 115.0, 152.0),
]


def h(c):
	return f"{c:x}"


def err_code(e):
	code = getattr(e, "h3_error_code", None)
	if code is None:
		raise e
	return f"E{code}"


def grid(a, b):
	try:
		return str(h3i.grid_distance(a, b))
	except Exception as e:  # noqa: BLE001 - h3 exceptions carry the code
		return err_code(e)


def centre_dist(a, b):
	try:
		pa = h3i.cell_to_latlng(a)
		pb = h3i.cell_to_latlng(b)
	except Exception as e:  # noqa: BLE001
		return err_code(e)
	return f"{h3.great_circle_distance(pa, pb, unit='m'):.6f}"


def destination(lat, lng, bearing_deg, dist_m):
	"""Point at a great-circle distance and bearing (spherical earth)."""
	r = 6371007.180918475
	d = dist_m / r
	la = math.radians(lat)
	lo = math.radians(lng)
	br = math.radians(bearing_deg)
	la2 = math.asin(math.sin(la) * math.cos(d) + math.cos(la) * math.sin(d) * math.cos(br))
	lo2 = lo + math.atan2(
		math.sin(br) * math.sin(d) * math.cos(la), math.cos(d) - math.sin(la) * math.sin(la2)
	)
	lng2 = (math.degrees(lo2) + 540.0) % 360.0 - 180.0
	return math.degrees(la2), lng2


class Gen:
	def __init__(self, seed):
		self.rng = random.Random(seed)
		self.pairs = []
		self.seen = set()

	def res(self):
		"""Mostly 11 and 12, some others."""
		x = self.rng.random()
		if x < 0.42:
			return 11
		if x < 0.84:
			return 12
		return self.rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15])

	def dist(self, lo=50.0, hi=250000.0):
		return math.exp(self.rng.uniform(math.log(lo), math.log(hi)))

	def add(self, tag, a, b):
		key = (a, b)
		if key in self.seen:
			return
		self.seen.add(key)
		self.pairs.append((tag, a, b, grid(a, b), centre_dist(a, b)))

	def add_points(self, tag, lat1, lng1, lat2, lng2, res):
		self.add(tag, h3i.latlng_to_cell(lat1, lng1, res), h3i.latlng_to_cell(lat2, lng2, res))

	def add_from(self, tag, lat, lng, res=None, lo=50.0, hi=250000.0):
		res = self.res() if res is None else res
		lat2, lng2 = destination(lat, lng, self.rng.uniform(0, 360), self.dist(lo, hi))
		self.add_points(tag, lat, lng, lat2, lng2, res)

	def uniform_point(self):
		z = self.rng.uniform(-1.0, 1.0)
		return math.degrees(math.asin(z)), self.rng.uniform(-180.0, 180.0)

	# ------------------------------------------------------------------ groups

	def continents(self, n):
		for name, la0, la1, lo0, lo1 in CONTINENTS:
			for _ in range(n):
				lat = self.rng.uniform(la0, la1)
				lng = self.rng.uniform(lo0, lo1)
				self.add_from(name, lat, lng)

	def global_uniform(self, n):
		for _ in range(n):
			lat, lng = self.uniform_point()
			self.add_from("gl", lat, lng)

	def base_cell_edges(self, n):
		"""Points on res-0 cell edges, paired with nearby points (crossings)."""
		res0 = sorted(h3i.get_res0_cells())
		for i in range(n):
			lat, lng = self.edge_point(self.rng.choice(res0))
			hi = 5000.0 if i % 2 == 0 else 250000.0
			self.add_from("bc", lat, lng, lo=50.0, hi=hi)

	def edge_point(self, cell0):
		"""Random point on an edge of a res-0 cell."""
		verts = h3i.cell_to_boundary(cell0)
		k = self.rng.randrange(len(verts))
		(la1, lo1), (la2, lo2) = verts[k], verts[(k + 1) % len(verts)]
		if abs(lo1 - lo2) > 180:  # edge across the antimeridian
			lo2 += 360 if lo1 > lo2 else -360
		t = self.rng.random()
		return la1 + (la2 - la1) * t, (lo1 + (lo2 - lo1) * t + 540.0) % 360.0 - 180.0

	def random_descendant(self, cell0, res):
		"""Random valid descendant of a res-0 cell at `res` (random digits)."""
		while True:
			c = h3i.cell_to_center_child(cell0, res)
			for r in range(1, res + 1):
				shift = (15 - r) * 3
				c = (c & ~(7 << shift)) | (self.rng.randrange(7) << shift)
			if h3i.is_valid_cell(c):
				return c

	def pentagons(self, n_self, n_near, n_disk, n_far, n_edge, n_cross):
		for pent0 in sorted(h3i.get_pentagons(0)):
			bc = h3i.get_base_cell_number(pent0)
			plat, plng = h3i.cell_to_latlng(pent0)
			tag = f"p{bc}"
			for res in (11, 12):
				pent = h3i.cell_to_center_child(pent0, res)
				# (a) the pentagon itself against cells around it
				for _ in range(n_self):
					lat2, lng2 = destination(
						plat, plng, self.rng.uniform(0, 360), self.dist(10.0, 250000.0)
					)
					c = h3i.latlng_to_cell(lat2, lng2, res)
					if self.rng.random() < 0.5:
						self.add(tag, pent, c)
					else:
						self.add(tag, c, pent)
				# (c) random pairs from a k-ring disk around the pentagon
				disk = sorted(h3i.grid_disk(pent, 4))
				for _ in range(n_disk):
					self.add(tag, self.rng.choice(disk), self.rng.choice(disk))
			# (b) both endpoints near the pentagon (any resolution mix)
			for _ in range(n_near):
				lat, lng = destination(
					plat, plng, self.rng.uniform(0, 360), self.dist(5.0, 300000.0)
				)
				self.add_from(tag, lat, lng, lo=50.0, hi=self.rng.choice([2000.0, 250000.0]))
			# (e) across the pentagon base cell's edges (pentagon <-> neighbour base cell)
			for _ in range(n_edge):
				lat, lng = self.edge_point(pent0)
				self.add_from(tag, lat, lng, lo=50.0, hi=60000.0)
			# (f) pentagon base cell <-> neighbouring base cell at coarser
			# resolutions, any positions (exercises FAILED_DIRECTIONS etc.)
			ring = sorted(set(h3i.grid_ring(pent0, 1)))
			for _ in range(n_cross):
				res = self.rng.randrange(1, 9)
				a = self.random_descendant(pent0, res)
				b = self.random_descendant(self.rng.choice(ring), res)
				if self.rng.random() < 0.5:
					a, b = b, a
				self.add(tag, a, b)
			# (d) farther away in and around the pentagon's base cell
			for _ in range(n_far):
				lat, lng = destination(
					plat, plng, self.rng.uniform(0, 360), self.rng.uniform(100000.0, 1500000.0)
				)
				self.add_from(tag, lat, lng)

	def antimeridian(self, n):
		for _ in range(n):
			lat = self.rng.uniform(-80.0, 80.0)
			lng = self.rng.choice([-1.0, 1.0]) * (180.0 - self.rng.uniform(0.0, 2.0))
			self.add_from("am", lat, lng)

	def poles(self, n):
		for i in range(n):
			sign = 1.0 if i % 2 == 0 else -1.0
			lat = sign * self.rng.uniform(84.0, 90.0)
			lng = self.rng.uniform(-180.0, 180.0)
			self.add_from("po", lat, lng)

	def misc(self):
		rng = self.rng
		# identical cells
		for _ in range(40):
			lat, lng = self.uniform_point()
			c = h3i.latlng_to_cell(lat, lng, self.res())
			self.add("id", c, c)
		# direct neighbours at every resolution
		for res in range(16):
			for _ in range(6):
				lat, lng = self.uniform_point()
				c = h3i.latlng_to_cell(lat, lng, res)
				self.add("nb", c, rng.choice(sorted(h3i.grid_ring(c, 1))))
		# resolution mismatch
		for _ in range(20):
			lat, lng = self.uniform_point()
			r1 = rng.randrange(16)
			r2 = (r1 + rng.randrange(1, 16)) % 16
			self.add("rm", h3i.latlng_to_cell(lat, lng, r1), h3i.latlng_to_cell(lat, lng, r2))
		# far apart: mostly E_FAILED
		for _ in range(120):
			lat, lng = self.uniform_point()
			self.add_from("fa", lat, lng, lo=250000.0, hi=3000000.0)
		# any distance (up to antipodal), any resolution
		for _ in range(60):
			la1, lo1 = self.uniform_point()
			la2, lo2 = self.uniform_point()
			self.add_points("xf", la1, lo1, la2, lo2, self.res())
		# invalid cells
		valid = h3i.latlng_to_cell(10.0, 20.0, 11)
		bad = [
			0,
			1,
			valid | (1 << 63),  # high bit
			(valid & ~(0xF << 59)) | (2 << 59),  # edge mode
			valid & ~0b111,  # res-11 cell with digit 15 != 7
			(valid & ~(0x7F << 45)) | (122 << 45),  # base cell 122
			0x8009FFFFFFFFFFF & ~(0x7 << 42) | (1 << 42),  # res-0 pentagon, digit 1 set
			# res-2 pentagon child with the deleted leading digit 1 (k-axis)
			h3i.cell_to_center_child(0x8009FFFFFFFFFFF, 2) & ~(0x7 << 42) | (1 << 42),
			# same with leading 0 then 1
			h3i.cell_to_center_child(0x8009FFFFFFFFFFF, 2) & ~(0x7 << 39) | (1 << 39),
		]
		for b in bad:
			self.add("iv", valid, b)
			self.add("iv", b, valid)


def gen_pairs():
	g = Gen(SEED)
	g.continents(750)
	g.global_uniform(2000)
	g.base_cell_edges(2500)
	g.pentagons(n_self=40, n_near=120, n_disk=40, n_far=100, n_edge=200, n_cross=120)
	g.antimeridian(1000)
	g.poles(1000)
	g.misc()
	return g


def gen_centres(rng):
	cells = set()
	for res in range(16):
		for _ in range(60):
			z = rng.uniform(-1.0, 1.0)
			lat, lng = math.degrees(math.asin(z)), rng.uniform(-180.0, 180.0)
			cells.add(h3i.latlng_to_cell(lat, lng, res))
		for p in h3i.get_pentagons(res):
			cells.add(p)
			cells.update(h3i.grid_ring(p, 1))
	cells.update(h3i.get_res0_cells())
	out = []
	for c in sorted(cells):
		lat, lng = h3i.cell_to_latlng(c)
		out.append(f"{h(c)} {lat:.15f} {lng:.15f}")
	return out


def fspl_db(d, f):
	return 20.0 * math.log10(4.0 * math.pi * d * f / 299792458.0)


def gen_fspl(rng):
	ds = sorted({int(round(10 ** (x / 8.0))) for x in range(0, 43)} | {200000})
	fs = sorted(
		{int(round(10 ** (8 + x * math.log10(60.0) / 24.0))) for x in range(0, 25)}
		| {100000000, 868000000, 915000000, 2400000000, 2450000000, 5800000000, 6000000000}
	)
	rows = [(d, f) for d in ds for f in fs]
	for _ in range(300):
		rows.append((rng.randint(1, 200000), rng.randint(100000000, 6000000000)))
	return [f"{d} {f} {fspl_db(d, f):.9f}" for d, f in rows]


def write(path, header, lines):
	with open(path, "w") as fh:
		for hl in header:
			fh.write(f"# {hl}\n")
		for line in lines:
			fh.write(line + "\n")
	print(f"wrote {path} ({len(lines)} rows)")


def main_checked_in():
	OUT.mkdir(parents=True, exist_ok=True)
	g = gen_pairs()
	common = [f"generated by tools/geo/gen_vectors.py with {H3_VERSION}, seed {SEED}"]
	write(
		OUT / "pairs.txt",
		common
		+ [
			"tag a b grid dist_m  (grid: h3.grid_distance or E<h3_error_code>;",
			"dist_m: great_circle_distance(cell_to_latlng(a), cell_to_latlng(b), unit='m'))",
		],
		[f"{t} {h(a)} {h(b)} {gd} {dm}" for t, a, b, gd, dm in g.pairs],
	)
	rng = random.Random(SEED + 1)
	write(OUT / "centres.txt", common + ["cell lat_deg lng_deg (h3.cell_to_latlng)"], gen_centres(rng))
	write(
		OUT / "fspl.txt",
		common + ["d_m f_hz fspl_db = 20 log10(4 pi d f / 299792458)"],
		gen_fspl(random.Random(SEED + 2)),
	)


# ------------------------------------------------------------------ exhaustive


def main_exhaustive(outdir):
	"""Large vector sets (not checked in) for the ignored exhaustive tests.

	grid_exhaustive.txt: lines 'a b1:g1 b2:g2 ...' (g: distance or E<code>)
	centres_exhaustive.txt: 'cell lat lng' for every cell of res 0..3 and
	random cells at res 4..15.
	"""
	out = Path(outdir)
	out.mkdir(parents=True, exist_ok=True)
	rng = random.Random(SEED + 10)
	n = 0
	with open(out / "grid_exhaustive.txt", "w") as fh:
		fh.write(f"# {H3_VERSION}\n")

		def row(a, targets):
			nonlocal n
			parts = [h(a)]
			for b in targets:
				parts.append(f"{h(b)}:{grid(a, b)}")
			n += len(targets)
			fh.write(" ".join(parts) + "\n")

		# res 0 and 1: all pairs
		for res in (0, 1):
			cells = sorted(h3i.uncompact_cells(h3i.get_res0_cells(), res))
			for a in cells:
				row(a, cells)
		# res 2: each base cell's children against those of it and its neighbours
		for bc in sorted(h3i.get_res0_cells()):
			near = sorted(h3i.grid_disk(bc, 1))
			targets = sorted(h3i.uncompact_cells(near, 2))
			for a in sorted(h3i.cell_to_children(bc, 2)):
				row(a, targets)
		# res 3..6 around pentagons: sampled origins against the whole neighbourhood
		for pent0 in sorted(h3i.get_pentagons(0)):
			near = sorted(h3i.grid_disk(pent0, 1))
			for res, n_orig in ((3, 150), (4, 40), (5, 8)):
				targets = sorted(h3i.uncompact_cells(near, res))
				origins = sorted(h3i.cell_to_children(pent0, res))
				for a in rng.sample(origins, min(n_orig, len(origins))):
					row(a, targets)
			# fine resolutions: origins near the pentagon, disk targets
			for res in (7, 9, 11, 12, 13, 15):
				pent = h3i.cell_to_center_child(pent0, res)
				disk = sorted(h3i.grid_disk(pent, 12))
				for a in rng.sample(disk, 40):
					row(a, disk)
		# fine resolutions across the edges of every pentagon base cell
		g = Gen(SEED + 11)
		for pent0 in sorted(h3i.get_pentagons(0)):
			for _ in range(10000):
				lat, lng = g.edge_point(pent0)
				lat, lng = destination(lat, lng, rng.uniform(0, 360), rng.uniform(0, 20000))
				res = rng.randrange(8, 16)
				a = h3i.latlng_to_cell(lat, lng, res)
				lat2, lng2 = destination(lat, lng, rng.uniform(0, 360), math.exp(rng.uniform(3, 11.5)))
				b = h3i.latlng_to_cell(lat2, lng2, res)
				row(a, [b])
				row(b, [a])
		# random pairs at res 8..15 anywhere within ~300 km
		for _ in range(200000):
			z = rng.uniform(-1.0, 1.0)
			lat, lng = math.degrees(math.asin(z)), rng.uniform(-180.0, 180.0)
			res = rng.randrange(8, 16)
			a = h3i.latlng_to_cell(lat, lng, res)
			lat2, lng2 = destination(lat, lng, rng.uniform(0, 360), math.exp(rng.uniform(3, 12.6)))
			row(a, [h3i.latlng_to_cell(lat2, lng2, res)])
	print(f"wrote {out / 'grid_exhaustive.txt'} ({n} pairs)")

	m = 0
	with open(out / "centres_exhaustive.txt", "w") as fh:
		fh.write(f"# {H3_VERSION}\n")
		cells = []
		for res in range(4):
			cells.extend(h3i.uncompact_cells(h3i.get_res0_cells(), res))
		for res in range(4, 16):
			for _ in range(20000):
				z = rng.uniform(-1.0, 1.0)
				lat, lng = math.degrees(math.asin(z)), rng.uniform(-180.0, 180.0)
				cells.append(h3i.latlng_to_cell(lat, lng, res))
			for p in h3i.get_pentagons(res):
				cells.extend(h3i.grid_disk(p, 3))
		for c in cells:
			lat, lng = h3i.cell_to_latlng(c)
			fh.write(f"{h(c)} {lat:.15f} {lng:.15f}\n")
			m += 1
	print(f"wrote {out / 'centres_exhaustive.txt'} ({m} cells)")


if __name__ == "__main__":
	if len(sys.argv) == 3 and sys.argv[1] == "--exhaustive":
		main_exhaustive(sys.argv[2])
	elif len(sys.argv) == 1:
		main_checked_in()
	else:
		raise SystemExit(__doc__)
