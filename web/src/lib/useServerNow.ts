import { useEffect, useState } from 'preact/hooks';

/** The server's clock (epoch ms), ticking every second: this phone's clock plus the measured offset. */
export function useServerNow(clockOffset: number): number {
  const [now, setNow] = useState(() => Date.now() + clockOffset);
  useEffect(() => {
    const tick = () => setNow(Date.now() + clockOffset);
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [clockOffset]);
  return now;
}
