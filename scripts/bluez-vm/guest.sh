#!/bin/sh
# Runs inside the bluez-vm-test guest (host / mounted read-only): virtual controllers,
# the simulator on RFCOMM channel 10, and the client from another controller.
repo=$1
out=$repo/.build-vm/results
bin=$repo/.build/debug/connectage
export HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin
step() { echo "guest: $*" | tee -a "$out/steps.log"; }
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
sleep 2
"$bin" diffuser test --address "$address" --channel 10 --scents 1,2,3 >"$out/test.out" 2>"$out/test.err"
echo $? >"$out/test.rc"
step "diffuser test exited $(cat "$out/test.rc")"
"$bin" diffuser latency --address "$address" --channel 10 --count 100 >"$out/latency.out" 2>"$out/latency.err"
echo $? >"$out/latency.rc"
step "diffuser latency exited $(cat "$out/latency.rc")"
kill -INT $simulator
sleep 1
finish
