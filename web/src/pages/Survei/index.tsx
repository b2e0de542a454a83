import type { ComponentType } from 'preact';
import type { PageProps } from '../../lib/lazy';
import { segment } from '../../lib/route';
import { stylesheet } from '../../lib/stylesheet';
import { Poster } from './Poster';
import { SurveyPage } from './SurveyPage';
import cssUrl from './survei.css?url';

/**
 * `/survei/<opd>`: the Survei Kepuasan Masyarakat of one OPD, for anyone (no link, no login);
 * `/survei/<opd>/poster`: its printable A4 poster with the QR code of that address. A lazy
 * chunk of its own, so neither the ASN's check-in page nor a citizen downloads the other.
 */
export async function load(): Promise<ComponentType<PageProps>> {
  await stylesheet(cssUrl);
  return Survei;
}

function Survei() {
  const opd = segment(1) ?? '';
  return segment(2) === 'poster' ? <Poster opd={opd} /> : <SurveyPage opd={opd} />;
}
