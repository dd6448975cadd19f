// V8 flags the server runs with (scripts/start.mjs), and `npm run bench` with them, so the bench measures the
// code as the server runs it. The server translates again on every snapshot version, leaving about 10 MB of
// short-lived objects per 1,000 Services (`npm run bench translate`, 1,000 Services, median of 41 runs):
//
// --max-semi-space-size=32: with V8's default young generation (16 MB semi-spaces) a translation ends in a
//   scavenge more often than not, each copying the half-built translation; 32 MB halves their number. It
//   costs at most 32 MB more heap.
// --no-allocation-site-pretenuring: objects of a translation survive while it runs, so V8 learns to allocate
//   them straight in the old generation; each translation then fills it with objects that die at the next
//   one, and every scavenge must scan their pointers into the young generation. Runs went bimodal
//   (median 17 or 30 ms, scavenges of 2 or 15-35 ms); without pretenuring they stay at 17-19 ms.
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=32", "--no-allocation-site-pretenuring"];
