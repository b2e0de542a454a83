/**
 * How each figure is computed, as the page and the printed report say it (and README.md,
 * "The evaluation"). The server adds up one aggregate per OPD and apel that the close writes
 * (functions/core/evaluation.ts); nothing is estimated.
 */
export const METHODS: readonly (readonly [string, string])[] = [
  ['Periode sebelumnya', 'Jumlah hari yang sama tepat sebelum periode yang dipilih (mis. November dibandingkan dengan 31 hari sebelum 1 November).'],
  ['Diharapkan', 'ASN aktif OPD saat apel ditutup, dijumlahkan untuk setiap apel pagi dan sore (orang × apel). Apel percobaan tidak dihitung.'],
  ['Kehadiran apel', '(H + TL) ÷ diharapkan: yang presensi, tepat waktu atau terlambat. ASN yang berketerangan (izin, sakit, cuti, dinas luar, tugas belajar) tetap dihitung dalam diharapkan.'],
  ['Tepat waktu', 'H ÷ (H + TL): dari yang presensi, berapa yang tepat waktu.'],
  ['Terlambat (median, p90)', 'Menit sesudah batas tepat waktu (menit pertama sesudahnya = 1 menit), dari setiap presensi terlambat; median = nilai tengah, p90 = 90 % keterlambatan sama atau lebih kecil (peringkat terdekat).'],
  ['TK', 'ASN tanpa presensi dan tanpa keterangan yang berlaku pada tanggal itu ÷ diharapkan. Keterangan yang dicatat kemudian (surat dokter keesokan harinya) mengubah TK menjadi keterangannya.'],
  ['DB', 'Apel yang dinyatakan admin "bebaskan" karena gangguan: semua presensi dihitung tepat waktu dan yang tidak presensi tanpa keterangan menjadi DB.'],
  ['Rencana kerja / hasil kerja', 'Presensi apel pagi yang memuat rencana kerja ÷ presensi apel pagi; presensi apel sore yang memuat hasil kerja ÷ presensi apel sore.'],
  ['Penilaian hasil kerja', 'Penilaian pimpinan pada daftar apel sore (sesuai rencana, sebagian, tidak sesuai); "hasil dinilai" = jumlah penilaian ÷ presensi apel sore.'],
  ['Cek kesiapan', 'Cek yang diadakan pimpinan; dijawab = jawaban "Saya siap" ÷ (cek × ASN OPD); median menit menjawab dari mulainya cek.'],
  ['Durasi permintaan', 'Lama permintaan terakhir halaman sebelum presensi, diukur ponsel ASN (dibulatkan 0,1 detik, paling lama 60 detik); median dan p90 dari presensi yang mengirimkannya.'],
  ['Perlu kirim ulang', 'Presensi yang baru sampai setelah dikirim ulang oleh halaman (jaringan lemah) ÷ semua presensi.'],
  ['Per kecamatan', 'Durasi permintaan, kirim ulang dan ketukan luring dari presensi ASN OPD WFA, dikelompokkan menurut kecamatan tempat tinggal di daftar pegawai (pada hari WFA ASN bekerja terutama dari rumah); durasinya dihitung dalam kelas sampai 0,25 · 0,5 · 0,75 · 1 · 1,5 · 2 · 3 · 5 · 10 · 20 · 60 detik dan ditampilkan batas atas kelasnya. Staf OPD yang dikecualikan presensi dari kantor dan tidak dihitung di sini.'],
  ['Hari kantor', 'Dari e-presensi kantor yang diunggah admin: hadir = ada jam masuk; terlambat = jam masuk sesudah menit jam masuk kantor; yang tidak ada jam masuknya dihitung TK atau keterangannya.'],
  ['IKM (Survei Kepuasan Masyarakat)', 'PermenPAN-RB 14/2017: tiap unsur dari sembilan dinilai warga 1–4; nilai rata-rata tiap unsur × bobot 1/9, dijumlahkan, × 25 (skala 25–100); mutu A 88,31–100, B 76,61–88,30, C 65,00–76,60, D 25,00–64,99. Hari WFA = hari WFA kabupaten yang bukan libur; hari kantor = hari lain.'],
  ['OPD WFA dan OPD dikecualikan', 'Status WFA OPD pada tanggal apel. Kelompok yang dikecualikan bekerja dari kantor dan menjadi pembanding; perbedaan antar kelompok bukan bukti sebab-akibat.'],
  ['Data contoh', 'Data contoh dari npm start tidak pernah dicampur dengan data sungguhan: bila ada satu apel sungguhan pada periode itu, data contoh diabaikan.'],
];
