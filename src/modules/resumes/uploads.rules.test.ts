import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fakeExe, hugePng, jpeg, png, tinyPdf } from './resumes.test-support.ts';
import { checkAttachment, cleanFileName, formatBytes, preparePhoto } from './uploads.rules.ts';

const file = (bytes: Buffer, filename = 'f', truncated = false) => ({ bytes, filename, truncated });

describe('照片 (RES-10)', () => {
  it('RES-10 a JPEG is re-encoded: metadata dropped, fitted within 600 × 800', async () => {
    const src = await jpeg(1200, 1200, { exif: true });
    expect((await sharp(src).metadata()).exif).toBeDefined();
    const r = await preparePhoto(file(src, 'me.jpg'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const meta = await sharp(r.bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([600, 600]);
    expect(r.bytes.includes(Buffer.from('Secret Person'))).toBe(false);
  });

  it('RES-10 a PNG becomes a JPEG; a small one is not enlarged', async () => {
    const r = await preparePhoto(file(await png(120, 160), 'a.png'));
    expect(r.ok && [r.contentType, r.width, r.height]).toEqual(['image/jpeg', 120, 160]);
  });

  it('RES-10 a 50-megapixel image is refused before it is decoded', async () => {
    const bomb = await hugePng();
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    expect(await preparePhoto(file(bomb, 'bomb.png'))).toEqual({ ok: false, reason: 'pixels' });
  });

  it('RES-10 SYS-4 an HTML file named .jpg, a zero-byte file, a PDF and more than 2 MB are refused', async () => {
    expect(await preparePhoto(file(Buffer.from('<html><script>alert(1)</script></html>'), 'x.jpg'))).toEqual({ ok: false, reason: 'type' });
    expect(await preparePhoto(file(Buffer.alloc(0), 'x.jpg'))).toEqual({ ok: false, reason: 'empty' });
    expect(await preparePhoto(file(tinyPdf(), 'x.jpg'))).toEqual({ ok: false, reason: 'type' });
    expect(await preparePhoto(file(Buffer.alloc(2 * 1024 * 1024 + 1, 1), 'x.jpg'))).toEqual({ ok: false, reason: 'too-large' });
    expect(await preparePhoto(file(Buffer.alloc(10), 'x.jpg', true))).toEqual({ ok: false, reason: 'too-large' });
  });

  it('RES-10 a damaged JPEG is refused, not a crash', async () => {
    const good = await jpeg(200, 200);
    const broken = Buffer.concat([good.subarray(0, 200), Buffer.alloc(100, 0)]);
    const r = await preparePhoto(file(broken, 'x.jpg'));
    // Since issue 9 item 10 the structural check refuses it before decoding: an image whose header does not read is
    // not of an accepted type.
    expect(r).toEqual({ ok: false, reason: 'type' });
  });
});

describe('證照資格/作品附件 (RES-9)', () => {
  const limit = 10 * 1024 * 1024;
  it('RES-9 PDF, JPEG and PNG are accepted by content, whatever the name', async () => {
    expect(await checkAttachment(file(tinyPdf(), 'cert.docx'), limit)).toEqual({ ok: true, contentType: 'application/pdf', ext: 'pdf' });
    expect(await checkAttachment(file(await png(), 'x.pdf'), limit)).toMatchObject({ ok: true, contentType: 'image/png' });
  });

  it('RES-9 SYS-4 a renamed .exe, an empty file and an oversized one are refused', async () => {
    expect(await checkAttachment(file(fakeExe(), '證照.pdf'), limit)).toEqual({ ok: false, reason: 'type' });
    expect(await checkAttachment(file(Buffer.alloc(0), 'a.pdf'), limit)).toEqual({ ok: false, reason: 'empty' });
    expect(await checkAttachment(file(tinyPdf(), 'a.pdf', true), limit)).toEqual({ ok: false, reason: 'too-large' });
    expect(await checkAttachment(file(Buffer.from('<html></html>'), 'a.pdf'), limit)).toEqual({ ok: false, reason: 'type' });
  });

  it('RES-9 file names keep CJK, lose paths and controls; sizes read 10 MB', () => {
    expect(cleanFileName('C:\\Users\\me\\證照\u202E.pdf')).toBe('證照.pdf');
    expect(cleanFileName('')).toBe('file');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(1536)).toBe('2 KB');
  });
});
