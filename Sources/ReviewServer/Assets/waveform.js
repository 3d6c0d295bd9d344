// The waveform: peaks computed by the server, detected speech, the first-word and last-word
// marks (movable with mouse and keyboard) and the playhead, drawn on one canvas.
"use strict";

class Waveform {
  constructor(canvas, { peaks, duration, speech, onMarksChanged, onSeek }) {
    this.canvas = canvas;
    this.peaks = Uint8Array.from(atob(peaks), (c) => c.charCodeAt(0));
    this.duration = duration;
    this.speech = speech;
    this.marks = { first: null, last: null };
    this.selected = "first";
    this.playhead = 0;
    this.onMarksChanged = onMarksChanged;
    this.onSeek = onSeek;
    this.dragging = null;
    canvas.addEventListener("mousedown", (event) => this.mouseDown(event));
    window.addEventListener("mousemove", (event) => this.mouseMove(event));
    window.addEventListener("mouseup", () => { this.dragging = null; });
    window.addEventListener("resize", () => this.draw());
    this.draw();
  }

  timeAt(event) {
    const box = this.canvas.getBoundingClientRect();
    return Math.min(this.duration, Math.max(0, ((event.clientX - box.left) / box.width) * this.duration));
  }

  xOf(time, width) { return (time / this.duration) * width; }

  // Grab a mark within 8 pixels; elsewhere a click moves the playhead.
  mouseDown(event) {
    const box = this.canvas.getBoundingClientRect();
    const time = this.timeAt(event);
    const near = (mark) => this.marks[mark] !== null && Math.abs(((this.marks[mark] - time) / this.duration) * box.width) <= 8;
    const mark = near(this.selected) ? this.selected : near("first") ? "first" : near("last") ? "last" : null;
    if (mark) {
      this.select(mark);
      this.dragging = mark;
    } else if (event.shiftKey) {
      this.setMark(this.selected, time);
    } else {
      this.onSeek(time);
    }
    this.canvas.focus();
  }

  mouseMove(event) {
    if (!this.dragging) return;
    this.setMark(this.dragging, this.timeAt(event));
  }

  select(mark) {
    this.selected = mark;
    this.canvas.dataset.selectedMark = mark;
    this.draw();
    this.onMarksChanged(false);
  }

  setMarks(first, last) {
    this.marks = { first, last };
    this.draw();
  }

  // Marks stay on the recording and in order: the first word never ends after the last.
  setMark(mark, time) {
    let value = Math.round(Math.min(this.duration, Math.max(0, time)) * 1000) / 1000;
    if (mark === "first" && this.marks.last !== null) value = Math.min(value, this.marks.last);
    if (mark === "last" && this.marks.first !== null) value = Math.max(value, this.marks.first);
    this.marks[mark] = value;
    this.draw();
    this.onMarksChanged(true);
  }

  move(milliseconds) {
    const mark = this.selected;
    const start = this.marks[mark] !== null ? this.marks[mark] : this.playhead;
    this.setMark(mark, start + milliseconds / 1000);
  }

  setPlayhead(time) { this.playhead = time; this.draw(); }

  draw() {
    const canvas = this.canvas;
    const width = canvas.width;
    const height = canvas.height;
    const context = canvas.getContext("2d");
    const style = getComputedStyle(document.documentElement);
    const color = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
    context.fillStyle = color("--wave-background", "#fff");
    context.fillRect(0, 0, width, height);
    context.fillStyle = color("--wave-speech", "#dbeafe");
    for (const [start, end] of this.speech) {
      context.fillRect(this.xOf(start, width), 0, Math.max(1, this.xOf(end - start, width)), height);
    }
    context.fillStyle = color("--wave-ink", "#1f2937");
    const middle = height / 2;
    const count = this.peaks.length;
    for (let x = 0; x < width; x += 1) {
      const from = Math.floor((x / width) * count);
      const to = Math.max(from + 1, Math.floor(((x + 1) / width) * count));
      let peak = 0;
      for (let i = from; i < to && i < count; i += 1) peak = Math.max(peak, this.peaks[i]);
      const half = Math.max(0.5, (peak / 255) * (middle - 2));
      context.fillRect(x, middle - half, 1, half * 2);
    }
    for (const mark of ["first", "last"]) {
      if (this.marks[mark] === null) continue;
      const x = Math.round(this.xOf(this.marks[mark], width));
      context.fillStyle = mark === "first" ? color("--mark-first", "#047857") : color("--mark-last", "#b91c1c");
      context.fillRect(x - (mark === this.selected ? 2 : 1), 0, mark === this.selected ? 4 : 2, height);
      context.beginPath();
      const flag = mark === "first" ? 12 : -12;
      context.moveTo(x, 0);
      context.lineTo(x + flag, 0);
      context.lineTo(x, 14);
      context.fill();
    }
    context.fillStyle = color("--playhead", "#7c3aed");
    context.fillRect(Math.round(this.xOf(this.playhead, width)), 0, 2, height);
  }
}
