/**
 * A short two-note chime for a new offer, made with Web Audio (no sound file in the bundle). Off
 * unless the agent turns it on (panel setting). The audio context is passed in for tests.
 * Resolves false when the browser cannot play it (no Web Audio, autoplay refused).
 */
export async function playOfferSound(
  Context: (new () => AudioContext) | undefined = globalThis.AudioContext,
): Promise<boolean> {
  if (!Context) return false;
  try {
    const audio = new Context();
    const gain = audio.createGain();
    gain.connect(audio.destination);
    gain.gain.value = 0.15;
    [880, 1320].forEach((frequency, index) => {
      const tone = audio.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(audio.currentTime + index * 0.16);
      tone.stop(audio.currentTime + index * 0.16 + 0.14);
    });
    setTimeout(() => void audio.close().catch(() => undefined), 600);
    return true;
  } catch {
    return false;
  }
}
