import { describe, expect, it, vi } from 'vitest';
import { playOfferSound } from './offer-sound.ts';

/** Records what a chime asks of Web Audio. */
class FakeAudio {
  static tones: number[] = [];
  currentTime = 0;
  destination = {};
  close = vi.fn(async () => undefined);
  createGain() {
    return { connect: () => undefined, gain: { value: 1 } };
  }
  createOscillator() {
    const tone = { frequency: { value: 0 }, connect: () => undefined, start: () => undefined, stop: () => undefined };
    tone.start = () => void FakeAudio.tones.push(tone.frequency.value);
    return tone;
  }
}

describe('the offer sound', () => {
  it('plays two short notes', async () => {
    vi.useFakeTimers();
    FakeAudio.tones = [];
    expect(await playOfferSound(FakeAudio as unknown as new () => AudioContext)).toBe(true);
    expect(FakeAudio.tones).toEqual([880, 1320]);
    vi.useRealTimers();
  });

  it('says so when the browser cannot play it', async () => {
    expect(await playOfferSound(undefined)).toBe(false);
    class Refusing {
      constructor() {
        throw new Error('not allowed');
      }
    }
    expect(await playOfferSound(Refusing as unknown as new () => AudioContext)).toBe(false);
  });
});
