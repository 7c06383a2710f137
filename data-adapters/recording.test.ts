import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseRecording,
  RecordingFormatError,
  serializeRecording,
  toRecordingLines,
  UNPARSED_TOPIC,
  type RecordingLine,
} from './recording';
import { MAX_MESSAGE_BYTES, TOPICS } from './schemas';
import { caseEventPayload, header, ratesPayload, sampleLines, sampleRecording, T0 } from './test-fixtures';

const HEADER_LINE = JSON.stringify(header(10_000));
const good = (t: number, id: string): string =>
  JSON.stringify({ t, topic: 'case.event', payload: caseEventPayload(id, 'discover', T0 + t) });

describe('serializeRecording', () => {
  it('writes the header and envelope keys in the documented order, with a newline after every line', () => {
    const text = serializeRecording(header(1000, 'tiny'), [
      { t: 0, topic: 'rates.units', payload: { units: [{ unitId: 'xiling', satisfaction: 1, response: 2, completion: 3 }], asOf: 5 } },
      { payload: { b: 1, a: { d: 2, c: 3 } }, seq: 7, topic: 'x', t: 1000 },
    ]);
    expect(text).toBe(
      `{"format":"citywall-recording","version":1,"startTime":${T0},"endTime":${T0 + 1000},"title":"tiny","seed":42,"generator":"test-fixtures"}\n` +
        '{"t":0,"topic":"rates.units","payload":{"asOf":5,"units":[{"completion":3,"response":2,"satisfaction":1,"unitId":"xiling"}]}}\n' +
        '{"t":1000,"topic":"x","seq":7,"payload":{"a":{"c":3,"d":2},"b":1}}\n',
    );
  });

  it('omits an absent seed', () => {
    const { seed: _seed, ...noSeed } = header(0);
    expect(serializeRecording(noSeed, []).split('\n')[0]).not.toContain('seed');
    expect(serializeRecording(noSeed, []).endsWith('}\n')).toBe(true);
  });

  it('refuses entries the reader would reject', () => {
    const h = header(1000);
    const line = (t: number): RecordingLine => ({ t, topic: 'rates.units', payload: ratesPayload(T0) });
    expect(() => serializeRecording(h, [line(500), line(400)])).toThrow(/entry 2/);
    expect(() => serializeRecording(h, [line(1001)])).toThrow(RangeError);
    expect(() => serializeRecording(h, [line(1.5)])).toThrow(RangeError);
    expect(() => serializeRecording(h, [{ t: 0, topic: 'x', payload: 'y'.repeat(MAX_MESSAGE_BYTES) }])).toThrow(/bytes/);
    expect(() => serializeRecording({ ...h, endTime: h.startTime - 1 }, [])).toThrow(RecordingFormatError);
  });
});

describe('parseRecording', () => {
  it('round-trips byte for byte', () => {
    const text = sampleRecording();
    const parsed = parseRecording(text);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.messages).toHaveLength(sampleLines().length);
    expect(serializeRecording(parsed.header, toRecordingLines(parsed.header, parsed.messages))).toBe(text);
  });

  it('round-trips whatever order the writer built its payload keys in', () => {
    const reversed = sampleLines().map((l) => ({
      ...l,
      payload: Object.fromEntries(Object.entries(l.payload as object).reverse()),
    }));
    const text = serializeRecording(header(60_000), reversed);
    expect(text).toBe(sampleRecording());
  });

  it('gives validated messages with receiveTime = startTime + t and seq', () => {
    const line = JSON.stringify({ t: 250, topic: 'rates.units', seq: 3, payload: { ...ratesPayload(T0), extra: 'dropped' } });
    const { messages, header: h } = parseRecording(`${HEADER_LINE}\n${line}\n`);
    expect(h.startTime).toBe(T0);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ topic: 'rates.units', receiveTime: T0 + 250, seq: 3 });
    expect(messages[0]?.payload).not.toHaveProperty('extra');
  });

  it('skips every kind of bad line with its line number and reason, and keeps the good lines after it', () => {
    const badPayload = { ...caseEventPayload('B1', 'discover', T0), lon: 'east' };
    const { caseId: _id, ...missingField } = caseEventPayload('B2', 'discover', T0);
    const oversize = JSON.stringify({ t: 2000, topic: 'case.event', payload: { ...caseEventPayload('B3', 'discover', T0), pad: 'x'.repeat(MAX_MESSAGE_BYTES) } });
    const lines = [
      HEADER_LINE, // 1
      good(0, 'G1'), // 2
      '{"t":1000,"topic":"case.event",', // 3 bad JSON
      JSON.stringify({ t: '1000', topic: 'case.event', payload: caseEventPayload('B0', 'discover', T0) }), // 4 t wrong type
      JSON.stringify({ t: 1000, topic: 'case.event', payload: badPayload }), // 5 payload field wrong type
      JSON.stringify({ t: 1000, topic: 'case.event', payload: missingField }), // 6 missing field
      JSON.stringify({ t: 1000, topic: 'rates.units' }), // 7 missing payload
      JSON.stringify({ t: 1000, topic: 'weather.now', payload: {} }), // 8 unknown topic
      oversize, // 9
      '', // 10 blank: ignored
      good(3000, 'G2'), // 11
      good(2500, 'B4'), // 12 out of order
      good(10_001, 'B5'), // 13 after endTime
      good(-1, 'B6'), // 14 negative
      '[1,2,3]', // 15 not an object
      JSON.stringify({ t: 4000, topic: 'case.event', seq: -2, payload: caseEventPayload('B7', 'discover', T0) }), // 16 bad seq
      good(4000, 'G3'), // 17
    ];
    const { messages, rejected } = parseRecording(lines.join('\n') + '\n');
    expect(messages.map((m) => (m.topic === 'case.event' ? m.payload.caseId : m.topic))).toEqual(['G1', 'G2', 'G3']);
    expect(rejected.map((r) => [r.line, r.topic])).toEqual([
      [3, UNPARSED_TOPIC],
      [4, 'case.event'],
      [5, 'case.event'],
      [6, 'case.event'],
      [7, 'rates.units'],
      [8, 'weather.now'],
      [9, 'case.event'],
      [12, 'case.event'],
      [13, 'case.event'],
      [14, 'case.event'],
      [15, UNPARSED_TOPIC],
      [16, 'case.event'],
    ]);
    const reason = (line: number): string => rejected.find((r) => r.line === line)?.reason ?? '';
    expect(reason(3)).toMatch(/invalid JSON/);
    expect(reason(4)).toMatch(/"t" must be an integer/);
    expect(reason(5)).toMatch(/case\.event: lon/);
    expect(reason(6)).toMatch(/caseId/);
    expect(reason(7)).toMatch(/missing "payload"/);
    expect(reason(8)).toMatch(/unknown topic "weather.now"/);
    expect(reason(9)).toMatch(/over the 262144-byte limit/);
    expect(reason(12)).toMatch(/before the previous line/);
    expect(reason(13)).toMatch(/outside the recording \[0, 10000\]/);
    expect(reason(16)).toMatch(/"seq"/);
  });

  it('measures the size limit in UTF-8 bytes, not characters', () => {
    const base = { t: 0, topic: 'rates.units', payload: { ...ratesPayload(T0), pad: '' } };
    const envelope = JSON.stringify(base).length;
    // 3-byte characters: under the limit in UTF-16 units, over it in bytes.
    const cjk = JSON.stringify({ ...base, payload: { ...base.payload, pad: '宜'.repeat(Math.ceil(MAX_MESSAGE_BYTES / 3)) } });
    expect(cjk.length).toBeLessThan(MAX_MESSAGE_BYTES);
    // ASCII exactly at the limit is accepted (the unknown key is then dropped by the schema).
    const atLimit = JSON.stringify({ ...base, payload: { ...base.payload, pad: 'a'.repeat(MAX_MESSAGE_BYTES - envelope) } });
    expect(Buffer.byteLength(atLimit)).toBe(MAX_MESSAGE_BYTES);
    const { messages, rejected } = parseRecording([HEADER_LINE, cjk, atLimit].join('\n'));
    expect(rejected.map((r) => r.line)).toEqual([2]);
    expect(messages).toHaveLength(1);
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const text = '\uFEFF' + [HEADER_LINE, good(0, 'A'), good(10, 'B')].join('\r\n') + '\r\n';
    const { messages, rejected } = parseRecording(text);
    expect(rejected).toEqual([]);
    expect(messages).toHaveLength(2);
  });

  it.each([
    ['', /line 1 \(the header\) is empty/],
    ['hello\n', /not JSON/],
    [good(0, 'A') + '\n', /"format" is nothing/],
    [JSON.stringify({ ...header(10), format: 'other' }), /"format" is "other"/],
    [JSON.stringify({ ...header(10), version: 2 }), /unsupported recording version 2/],
    [JSON.stringify({ ...header(10), endTime: T0 - 1 }), /endTime is before startTime/],
    [JSON.stringify({ ...header(10), startTime: undefined }), /startTime/],
  ])('rejects a bad header as fatal: %j', (text, message) => {
    expect(() => parseRecording(text)).toThrow(RecordingFormatError);
    expect(() => parseRecording(text)).toThrow(message);
  });

  it('parses 20k lines in one pass', () => {
    const lines: RecordingLine[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      lines.push({ t: i * 10, topic: 'case.event', seq: i, payload: caseEventPayload(`C${i}`, 'discover', T0 + i * 10) });
    }
    const text = serializeRecording(header(200_000), lines);
    const { messages, rejected } = parseRecording(text);
    expect(rejected).toEqual([]);
    expect(messages).toHaveLength(20_000);
    // Speed is measured by `npm run bench` (recording load + decode), not asserted here.
    expect(messages.map((m) => m.seq)).toEqual(lines.map((l) => l.seq));
  });
});

describe('docs/recording-format.md', () => {
  it('shows a valid, canonically written example line for every topic', () => {
    const doc = readFileSync(new URL('../docs/recording-format.md', import.meta.url), 'utf8');
    const example = /```ndjson\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const parsed = parseRecording(example);
    expect(parsed.rejected).toEqual([]);
    expect(new Set(parsed.messages.map((m) => m.topic))).toEqual(new Set(Object.keys(TOPICS)));
    expect(serializeRecording(parsed.header, toRecordingLines(parsed.header, parsed.messages))).toBe(example);
  });
});
