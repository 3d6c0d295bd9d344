#!/bin/sh
# Runs inside the bluez-vm-test guest (host / mounted read-only): virtual controllers,
# the simulator on RFCOMM channel 10, then as a BLE (GATT) peripheral on hci2, then a simulated
# Scentrealm player (Nordic UART service) on hci2, and the client from hci1. No bluetoothd: btmgmt talks to the kernel's management interface.
repo=$1
out=$repo/.build-vm/results
bin=$repo/.build/debug/connectage
export HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin
step() { echo "guest: $*" | tee -a "$out/steps.log"; }
# The Swift binary starts slowly over 9p under TCG: wait for the simulator's first line.
wait_listening() {
  for attempt in $(seq 1 60); do
    grep -q "simulator: listening" "$1" && return 0
    sleep 0.5
  done
  step "the simulator never listened: $(tr '\n' ' ' <"$1")"
}
finish() { touch "$out/done"; sync; echo o >/proc/sysrq-trigger; sleep 10; }

step "kernel $(uname -r)"
modprobe hci_vhci && modprobe rfcomm || { step "modprobe hci_vhci/rfcomm failed"; finish; }
btvirt -l3 >"$out/btvirt.log" 2>&1 &
# hci0 of btvirt often fails its setup under TCG (opcode 0x0c03 timeout); hci1 and hci2 are used.
# Controller setup is serialised by the kernel, so wait for hci2 to accept "up".
for attempt in $(seq 1 60); do
  hciconfig hci1 up 2>/dev/null && hciconfig hci2 up 2>/dev/null && break
  sleep 1
done
for index in 1 2; do
  hciconfig hci$index sspmode 0 || step "hci$index did not come up: $(hciconfig -a 2>&1 | tr '\n' ' ')"
done
hciconfig hci2 piscan
address=$(hciconfig hci2 | sed -n 's/.*BD Address: \([0-9A-F:]*\).*/\1/p')
step "peripheral controller hci2 at ${address:-unknown}"
[ -n "$address" ] || finish

"$bin" diffuser simulate --listen rfcomm:10 >"$out/simulator.log" 2>&1 &
simulator=$!
wait_listening "$out/simulator.log"
"$bin" diffuser test --address "$address" --channel 10 --scents 1,2,3 >"$out/test.out" 2>"$out/test.err"
echo $? >"$out/test.rc"
step "diffuser test exited $(cat "$out/test.rc")"
"$bin" diffuser latency --address "$address" --channel 10 --count 100 >"$out/latency.out" 2>"$out/latency.err"
echo $? >"$out/latency.rc"
step "diffuser latency exited $(cat "$out/latency.rc")"
kill -INT $simulator
sleep 1

# BLE: LE on for both controllers, hci2 advertises the diffuser service (connectable,
# name in the scan response) and the simulator serves GATT on the ATT channel.
service=5c3e0001-c0a9-4e5a-9d1f-2b7a3f8e6d10
{
  btmgmt --index 1 le on
  btmgmt --index 2 le on
  btmgmt --index 2 name "ConnectAge diffuser"
  btmgmt --index 2 connectable on
  btmgmt --index 2 add-adv -c -g -n -u $service 1
} >"$out/btmgmt.log" 2>&1
step "btmgmt exited $? (LE on, hci2 advertising $service)"
"$bin" diffuser simulate --listen ble >"$out/ble-simulator.log" 2>&1 &
simulator=$!
wait_listening "$out/ble-simulator.log"
btmon -i hci1 >"$out/btmon.log" 2>&1 & monitor=$!
"$bin" diffuser scan --adapter 1 --seconds 3 >"$out/scan.out" 2>"$out/scan.err"
echo $? >"$out/scan.rc"
step "diffuser scan exited $(cat "$out/scan.rc")"
"$bin" diffuser test --address "$address" --transport ble --scents 1,2,3 >"$out/ble-test.out" 2>"$out/ble-test.err"
echo $? >"$out/ble-test.rc"
step "diffuser test over BLE exited $(cat "$out/ble-test.rc")"
kill $monitor  # the HCI trace of the scan and the test, for diagnosis; not during the latency run
"$bin" diffuser latency --connect "ble:$address" --count 100 >"$out/ble-latency.out" 2>"$out/ble-latency.err"
echo $? >"$out/ble-latency.rc"
step "diffuser latency over BLE exited $(cat "$out/ble-latency.rc")"
# Nobody advertises this address: the therapist must read "does not answer", not a stack trace.
"$bin" diffuser stop-all --connect ble:00:11:22:33:44:55 >/dev/null 2>"$out/ble-absent.err"
echo $? >"$out/ble-absent.rc"
step "diffuser stop-all to an absent BLE address exited $(cat "$out/ble-absent.rc")"
kill -INT $simulator
sleep 1

# A Scentrealm player over BLE: the simulator serves the Nordic UART service on the same
# peripheral (hci2 still advertises connectable) and the Scentrealm adapter drives it.
"$bin" diffuser simulate --device scentrealm --listen ble >"$out/scentrealm-simulator.log" 2>&1 &
simulator=$!
for attempt in $(seq 1 60); do
  grep -q -- "--connect" "$out/scentrealm-simulator.log" && break
  sleep 0.5
done
"$bin" diffuser test --connect "scentrealm-ble:$address" --scents all --log "$out/scentrealm-test.jsonl" \
  >"$out/scentrealm-test.out" 2>"$out/scentrealm-test.err"
echo $? >"$out/scentrealm-test.rc"
step "diffuser test of a Scentrealm over BLE exited $(cat "$out/scentrealm-test.rc")"
"$bin" diffuser latency --connect "scentrealm-ble:$address" --count 50 >"$out/scentrealm-latency.out" \
  2>"$out/scentrealm-latency.err"
echo $? >"$out/scentrealm-latency.rc"
step "diffuser latency of a Scentrealm over BLE exited $(cat "$out/scentrealm-latency.rc")"
kill -INT $simulator
sleep 1
finish
