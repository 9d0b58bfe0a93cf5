# The same commands as ./dev, for those who type make: `make serve`, `make test`, ...
.PHONY: serve test check build lint bench
serve test check build lint bench:
	./dev $@
