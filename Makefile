# timelined — make run, make test, make bench, make install.
#
# Every target first installs what the build needs and is missing
# (libsystemd-dev and pkg-config, with apt-get), so a fresh Debian machine
# with Swift needs nothing else.

SWIFT    ?= swift
CONFIG   ?= config/timelined.yaml
DATA     ?= var
DEB_DEPS := libsystemd-dev pkg-config

DEBUG_BIN   = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)
RELEASE_BIN = $(shell $(SWIFT) build -c release --show-bin-path 2>/dev/null)

.PHONY: all deps build release run test bench clean

all: build

deps:
	@missing=""; \
	for package in $(DEB_DEPS); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if ! command -v apt-get >/dev/null; then \
	    echo "make: missing$$missing, and no apt-get to install them with" >&2; exit 1; \
	  fi; \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
	  echo "make: installing$$missing"; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Runs the daemon in the foreground on ./var (inbox, state and socket).
run: build
	@mkdir -p $(DATA)
	@echo "timelined: data in $(abspath $(DATA)), inbox $(abspath $(DATA))/inbox"
	@echo "socket:    $(abspath $(DATA))/run/io.timelined.Timeline"
	@echo "client:    $(DEBUG_BIN)/timelinectl status   (from this folder it finds the socket by itself)"
	exec $(DEBUG_BIN)/timelined --config $(CONFIG) --data $(DATA)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: release
	$(RELEASE_BIN)/timelined-bench

clean:
	rm -rf .build
