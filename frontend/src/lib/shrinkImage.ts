// Phone photos are 4–8 MB; evidence needs far less. A picture over ShrinkAbove bytes is redrawn in the browser at
// most MaxSide pixels on its longer side and sent as a JPEG, so that a unit's 50 MB lasts and a slow phone
// connection copes. Anything else (PDF, XLSX, small pictures), and any browser that cannot decode the picture, sends
// the file as it is: the server sniffs and checks every file anyway.

/** Pictures larger than this are shrunk before upload. */
export const ShrinkAbove = 1 << 20
/** The longer side of a shrunk picture, in pixels. */
export const MaxSide = 1600

/** Whether a file is a picture worth shrinking. */
export function needsShrink(file: Pick<File, 'type' | 'size'>): boolean {
  return (file.type === 'image/jpeg' || file.type === 'image/png') && file.size > ShrinkAbove
}

/** The size a picture of w×h pixels is redrawn at: its longer side at most MaxSide, never enlarged. */
export function shrunkSize(w: number, h: number): { w: number; h: number } {
  const k = Math.min(1, MaxSide / Math.max(w, h))
  return { w: Math.max(1, Math.round(w * k)), h: Math.max(1, Math.round(h * k)) }
}

/** The file to upload: a shrunk JPEG of a large picture, or the file itself. */
export async function shrinkImage(file: File, quality = 0.85): Promise<File> {
  if (!needsShrink(file) || typeof createImageBitmap !== 'function') return file
  try {
    const bmp = await createImageBitmap(file)
    const { w, h } = shrunkSize(bmp.width, bmp.height)
    const canvas = document.createElement('canvas')
    canvas.width = w
    canvas.height = h
    const g = canvas.getContext('2d')
    if (!g) return file
    g.drawImage(bmp, 0, 0, w, h)
    bmp.close()
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
    if (!blob || blob.size >= file.size) return file
    return new File([blob], file.name.replace(/\.(png|jpe?g)$/i, '') + '.jpg', { type: 'image/jpeg' })
  } catch {
    return file
  }
}
