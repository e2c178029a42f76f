# timelined — make run, make test, make bench, make install.
#
# Every target first installs what the build needs and is missing
# (libsystemd-dev and pkg-config, with apt-get), so a fresh Debian machine
# with Swift needs nothing else.

SWIFT    ?= swift
CONFIG   ?= config/timelined.yaml
DATA     ?= var
DEB_DEPS := libsystemd-dev pkg-config
# Renders the chart in a test: Debian's smallest headless Chromium (about
# 100 MB to download without its recommends, half a minute to install).
TEST_DEB_DEPS := chromium-headless-shell

# make install: the Debian layout with PREFIX=/usr; DESTDIR stages it.
PREFIX      ?= /usr/local
DESTDIR     ?=
BINDIR      ?= $(PREFIX)/bin
MANDIR      ?= $(PREFIX)/share/man
SYSCONFDIR  ?= /etc
UNITDIR     ?= $(PREFIX)/lib/systemd/system
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
CATALOGDIR  ?= $(PREFIX)/lib/systemd/catalog

# Release binaries carry the Swift runtime and Foundation, so they run on a
# system without a Swift toolchain (a package, the nspawn test's guest).
RELEASE_FLAGS = -c release --static-swift-stdlib

DEBUG_BIN   = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)
RELEASE_BIN = $(shell $(SWIFT) build -c release --show-bin-path 2>/dev/null)
MANUAL_DIR  = .build/plugins/GenerateManual/outputs

.PHONY: all deps test-deps build release run test bench man install install-files systemd-test clean

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

# What only the tests use, installed like deps; but a test that needs
# it says why it is skipped when it is missing, so a failure here is one
# line and make test goes on.
test-deps:
	@if ! command -v chromium-headless-shell >/dev/null && ! command -v chromium >/dev/null; then \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
	  log=$$(mktemp); \
	  echo "make: installing $(TEST_DEB_DEPS)"; \
	  if ! ( command -v apt-get >/dev/null || { echo "no apt-get"; exit 1; }; \
	         $$sudo apt-get update -qq \
	         && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $(TEST_DEB_DEPS) ) >$$log 2>&1; then \
	    echo "make: could not install $(TEST_DEB_DEPS) with apt-get ($$(tail -n 1 $$log)): the chart's render test will be skipped"; \
	  fi; \
	  rm -f $$log; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product timelined
	$(SWIFT) build $(RELEASE_FLAGS) --product timelinectl

# Runs the daemon in the foreground on ./var (inbox, state and socket).
run: build
	@mkdir -p $(DATA)
	@echo "timelined: data in $(abspath $(DATA)), inbox $(abspath $(DATA))/inbox"
	@echo "socket:    $(abspath $(DATA))/run/io.timelined.Timeline"
	@echo "client:    $(DEBUG_BIN)/timelinectl status   (from this folder it finds the socket by itself)"
	exec $(DEBUG_BIN)/timelined --config $(CONFIG) --data $(DATA)

# The unit tests and the end-to-end tests (among them the accuracy check,
# which scores the extractor on ../shared/corpus with python3 and
# ../shared/tools/score-claims, and the chart rendered by headless
# Chromium), then the real-systemd test when
# this machine can boot a container (it says in one line why not if not),
# on the debug binaries just built and the toolchain's runtime: a static
# release build would double the time make test takes.
test: deps test-deps
	@python3 -c 'import varlink' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check varlink \
	  || echo "make: the varlink package for Python is not installed: its interoperability tests will be skipped"
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@TIMELINED_NSPAWN_BUILD=debug systemd/test/nspawn-test.sh --if-possible

# Boots Debian with systemd as PID 1 in systemd-nspawn, installs timelined
# there with make install, and runs systemd/test/guest-test.sh in it.
systemd-test: deps
	systemd/test/nspawn-test.sh

# The benchmarks; the daemon and extract-command benchmarks run the release
# timelined and timelinectl beside them, built with the same flags so that
# no build undoes another.
bench: release
	$(SWIFT) build $(RELEASE_FLAGS) --product timelined-bench
	$(RELEASE_BIN)/timelined-bench

# timelined.1 and timelinectl.1 (and a page per subcommand), from the
# programs' own help by swift-argument-parser's generate-manual plugin. It
# builds what it documents; from the debug build, so that it never relinks
# the static release binaries that install copies.
man: deps
	$(SWIFT) package generate-manual --configuration debug --multi-page

install: release man install-files

# Copies what is built into place; INSTALL_BIN says which binaries (the
# test under nspawn in make test installs the debug ones it already has).
INSTALL_BIN ?= $(RELEASE_BIN)
install-files:
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(SYSCONFDIR)/timelined \
	  $(DESTDIR)$(UNITDIR) $(DESTDIR)$(TMPFILESDIR) $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(CATALOGDIR)
	install -m 0755 $(INSTALL_BIN)/timelined $(INSTALL_BIN)/timelinectl $(DESTDIR)$(BINDIR)/
	install -m 0644 $(MANUAL_DIR)/timelined/*.1 $(MANUAL_DIR)/timelinectl/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 0644 config/timelined.yaml $(DESTDIR)$(SYSCONFDIR)/timelined/timelined.yaml
	if [ -f config/lexicon.yaml ]; then \
	  install -m 0644 config/lexicon.yaml $(DESTDIR)$(SYSCONFDIR)/timelined/lexicon.yaml; fi
	sed -e 's|/usr/bin/timelined|$(BINDIR)/timelined|' -e 's|/etc/timelined/|$(SYSCONFDIR)/timelined/|' \
	  systemd/timelined.service > $(DESTDIR)$(UNITDIR)/timelined.service
	install -m 0644 systemd/timelined.socket $(DESTDIR)$(UNITDIR)/timelined.socket
	chmod 0644 $(DESTDIR)$(UNITDIR)/timelined.service
	install -m 0644 systemd/timelined.tmpfiles $(DESTDIR)$(TMPFILESDIR)/timelined.conf
	install -m 0644 systemd/timelined.sysusers $(DESTDIR)$(SYSUSERSDIR)/timelined.conf
	install -m 0644 systemd/timelined.catalog $(DESTDIR)$(CATALOGDIR)/timelined.catalog

clean:
	rm -rf .build
