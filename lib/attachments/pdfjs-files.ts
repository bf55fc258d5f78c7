// Where the build puts pdf.js's worker and CMaps, and where the viewer finds them (runtime.getURL).
export const PDF_WORKER_FILE = 'pdfjs/pdf.worker.min.mjs';
export const PDF_CMAP_DIR = 'pdfjs/cmaps/';
