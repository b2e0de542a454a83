import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { selectTarget } from './target';

/**
 * Admin commands for the roster and links, against the local runtime (default) or a
 * deployed stack (`--stack NAME`). Run with `npm run apel -- <command> [options]`.
 */

const HELP = `Apel WFA — perintah admin

  npm run apel -- import-roster --opd opd.csv --asn asn.csv [--libur libur-2027.csv] [--stack NAME]
  npm run apel -- issue-links --out tautan.csv [--opd KODE | --nip NIP] [--base-url URL] [--stack NAME]
  npm run apel -- revoke-link --nip NIP [--stack NAME]
  npm run apel -- admin-link --nip NIP [--base-url URL] [--stack NAME]
      jadikan ASN ini admin (bila belum) dan cetak tautan konsol admin untuknya
  npm run apel -- kunci-pengingat [--putar] [--stack NAME]
      kunci VAPID pengingat: tampilkan kunci publiknya; --putar membuat pasangan baru
      (yang lama tetap dipakai untuk langganan lama sampai halaman berlangganan ulang)

Tanpa --stack, perintah bekerja pada runtime lokal (jalankan "npm start" dulu).
Dengan --stack ApelWfa-prod, perintah memakai kredensial AWS Anda dan keluaran stack itu.
`;

const COMMANDS = ['import-roster', 'issue-links', 'revoke-link', 'admin-link', 'kunci-pengingat'];

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      opd: { type: 'string' },
      asn: { type: 'string' },
      libur: { type: 'string' },
      nip: { type: 'string' },
      out: { type: 'string' },
      'base-url': { type: 'string' },
      stack: { type: 'string' },
      region: { type: 'string' },
      putar: { type: 'boolean' },
    },
  });
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return 0;
  }
  if (!COMMANDS.includes(command)) {
    console.error(`Perintah tidak dikenal: ${command}\n\n${HELP}`);
    return 64;
  }
  // The SDK's notice about Node 20 is for library users; an operator can do nothing with it here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const target = await selectTarget({ stack: values.stack, region: values.region });
  console.log(`Target: ${target.description}`);

  switch (command) {
    case 'import-roster': {
      if (!values.opd && !values.asn && !values.libur) throw new Error('Sebutkan --opd, --asn dan/atau --libur');
      const { importRosterFiles, describeReport } = await import('./roster-import');
      const reports = await importRosterFiles({ opd: values.opd, asn: values.asn, libur: values.libur });
      for (const r of reports) console.log(describeReport(r));
      return reports.some((r) => r.problems.length > 0) ? 2 : 0;
    }
    case 'issue-links': {
      if (!values.out) throw new Error('Sebutkan --out berkas.csv');
      const { listAsnOfOpd, listOpds, getAsn } = await import('../store/roster-store');
      // Imported after the target is chosen: the stores read their endpoint and tables at load.
      const { createLinksCsv, issueLinks } = await import('./links');
      let asns;
      if (values.nip) {
        const asn = await getAsn(values.nip);
        if (!asn || !asn.active) throw new Error(`ASN dengan NIP ${values.nip} tidak ada di daftar pegawai`);
        asns = [asn];
      } else {
        const opds = (await listOpds()).filter((o) => !values.opd || o.kode === values.opd);
        if (opds.length === 0) throw new Error(values.opd ? `OPD ${values.opd} tidak dikenal` : 'Daftar pegawai masih kosong');
        asns = (await Promise.all(opds.map((o) => listAsnOfOpd(o.kode)))).flat();
      }
      // The new tokens exist only in this file: create it before any link is replaced,
      // and write each group into it as soon as that group is in force.
      const append = createOutput(values.out, createLinksCsv);
      const links = await issueLinks(asns, values['base-url'] ?? target.siteUrl, append);
      console.log(`${links.length} tautan diterbitkan (tautan lama mereka tidak berlaku lagi) → ${values.out}`);
      return 0;
    }
    case 'admin-link': {
      if (!values.nip) throw new Error('Sebutkan --nip NIP pegawai yang akan menjadi admin');
      const { readFileSync } = await import('node:fs');
      const { parseConfig } = await import('../core/config');
      const configFile = process.env.APEL_CONFIG_FILE ?? 'apel.config.json';
      const config = parseConfig(JSON.parse(readFileSync(configFile, 'utf8')), configFile);
      const { adminLink } = await import('./admin-link');
      const link = await adminLink(values.nip, values['base-url'] ?? target.siteUrl, config);
      console.log(
        `${link.promoted ? `${link.nama} sekarang admin (tercatat di jejak audit).` : `${link.nama} sudah admin.`}\n` +
          `Tautan konsol admin untuk ${link.nama} (${values.nip}, ${link.opd}):\n\n  ${link.url}\n\n` +
          'Tautan ini hanya muncul sekali dan menggantikan tautan lama orang ini. Serahkan langsung kepadanya; jangan dibagikan.',
      );
      return 0;
    }
    case 'kunci-pengingat': {
      // The same place the functions read (store/vapid-key-store.ts): the stack's SSM parameter, or .data/vapid.json.
      const { VAPID_FILE_ENV, VAPID_PARAMETER_ENV, rotateKeys, vapidKeys } = await import('../store/vapid-key-store');
      if (values.stack) process.env[VAPID_PARAMETER_ENV] = `/${values.stack}/pengingat/vapid`;
      else process.env[VAPID_FILE_ENV] ??= join(process.env.APEL_DATA_DIR ?? join(import.meta.dirname, '../../.data'), 'vapid.json');
      const keys = values.putar ? await rotateKeys() : await vapidKeys();
      for (const [i, k] of keys.kunci.entries()) console.log(`${i === 0 ? 'Kunci publik sekarang' : 'Kunci sebelumnya   '}: ${k.publik} (dibuat ${k.dibuat})`);
      if (values.putar) console.log('Kunci baru berlaku untuk langganan berikutnya dalam 5 menit (fungsi yang hangat menyimpan kunci selama itu).');
      return 0;
    }
    case 'revoke-link': {
      if (!values.nip) throw new Error('Sebutkan --nip');
      const { revokeLink } = await import('../store/link-store');
      const revoked = await revokeLink(values.nip);
      console.log(revoked ? `Tautan NIP ${values.nip} dicabut.` : `NIP ${values.nip} tidak punya tautan aktif.`);
      return revoked ? 0 : 1;
    }
  }
  return 64;
}

function createOutput<W>(path: string, create: (path: string) => W): W {
  try {
    return create(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'EEXIST' ? 'berkas sudah ada (pilih nama lain)' : (e as Error).message;
    throw new Error(`Tidak bisa menulis ${path}: ${reason}. Tidak ada tautan yang diubah.`);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
