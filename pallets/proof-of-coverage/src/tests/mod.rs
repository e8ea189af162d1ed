mod refusals;
mod rounds;
mod units;
