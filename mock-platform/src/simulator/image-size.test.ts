import { describe, expect, it } from 'vitest';
import { jpegOfSize, pngOfSize } from '../testing/images.ts';
import { imageSize } from './image-size.ts';

describe('imageSize', () => {
  it('reads PNG and JPEG sizes from their bytes, and nothing from other bytes', () => {
    expect(imageSize(pngOfSize(640, 640))).toEqual({ width: 640, height: 640 });
    expect(imageSize(jpegOfSize(800, 600))).toEqual({ width: 800, height: 600 });
    expect(imageSize(new TextEncoder().encode('GIF89a not supported'))).toBeUndefined();
  });
});
