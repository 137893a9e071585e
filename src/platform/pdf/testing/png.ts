// A small PNG made in code (a head-and-shoulders silhouette on a gradient), for tests and the bench.
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function samplePhotoPng(width = 240, height = 320): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const head = (x - width / 2) ** 2 / (width * 0.22) ** 2 + (y - height * 0.38) ** 2 / (height * 0.2) ** 2 <= 1;
      const body = y > height * 0.62 && Math.abs(x - width / 2) < width * 0.42 - (height - y) * 0.25;
      const i = row + 1 + x * 3;
      if (head || body) raw.fill(60, i, i + 3);
      else {
        raw[i] = 180 + Math.round((y / height) * 60);
        raw[i + 1] = 200;
        raw[i + 2] = 230;
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
