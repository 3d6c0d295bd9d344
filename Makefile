# The two commands a newcomer needs are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/connectage

# Headless SDL: offscreen video, software rendering (10x faster without the GL-backed
# window surface), pad input even without window focus. See docs/ARCHITECTURE.md.
export SDL_FRAMEBUFFER_ACCELERATION := 0
export SDL_JOYSTICK_ALLOW_BACKGROUND_EVENTS := 1

.PHONY: deps asr build demo test lint bench fuzz bluez-vm-test boundaries package clean

deps:
	@scripts/install-deps

# Offline speech recognition (connectage transcribe): Python venv and the Whisper base test model,
# built once into .build/asr and checked by SHA-256 (scripts/install-asr).
asr:
	@scripts/install-asr

build: deps
	$(SWIFT) build

demo: build
	@scripts/demo

boundaries:
	@scripts/check-boundaries

# The tests that talk to a simulated diffuser over real sockets, in real time, run in a pass of
# their own. The rest of the suite holds threads of Swift's cooperative pool (two on a two-core
# machine) while it waits for child processes (sessions, R, CLAN, Chromium); a simulator or a
# client starved of those threads answers seconds late, and a timeout a real device would never
# hit fails the test.
DEVICE_TESTS := ScentKitTests\.|SessionRunnerTests\.(DiffuserCommandQueueTests|ScentLinkTests|DeliveredScentTests|DiffuserProbeTests|HomeModelTests|InstallationSettingsTests|PastScentReleasesTests)|connectageTests\.(HomeCommandTests|DiffuserCommandTests)

test: deps asr boundaries
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip '$(DEVICE_TESTS)'
	$(SWIFT) test --skip-build --filter '$(DEVICE_TESTS)'
	@scripts/review-e2e
	@scripts/fuzz --seconds 20
	@scripts/bluez-vm-test
	@scripts/package-test --debug

# The Debian package, .build/package/connectage_<version>_amd64.deb (docs/packaging.md).
package: deps
	@scripts/package

fuzz: deps
	@scripts/fuzz --seconds 300

bluez-vm-test: build
	@scripts/bluez-vm-test

lint: boundaries
	$(SWIFT) format lint --strict --recursive Sources Tests Benchmarks/Benchmarks Benchmarks/Package.swift Fuzz/Sources

bench: build
	@scripts/bench

clean:
	rm -rf .build .build-*
