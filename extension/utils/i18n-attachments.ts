/** The side panel's attachment texts (sending files, showing customers' media), in English and Spanish. */
export const attachmentsEn = {
  attach: 'Attach a file',
  attachDrop: 'Drop the file to attach it',
  attachCaption: 'Caption (optional)',
  attachNoCaption: 'Sent without a caption',
  attachSend: 'Send file',
  attachUploading: 'Uploading… {percent}%',
  attachType:
    'WhatsApp does not take {type} files: send a JPEG or PNG image, audio, MP4 video, or a PDF, Word, Excel or text document.',
  attachSize: '{name} is {size}: WhatsApp takes files of this type up to {max}.',
  attachEmpty: '{name} is empty.',
  voiceNote: 'Voice message',
  play: 'Play',
  download: 'Download',
  openMap: 'Open in map',
  enlarge: 'Enlarge the photo',
  mediaUnavailable: 'The file is no longer available.',
  reactions: 'Reactions: {emoji}',
} as const;

export const attachmentsEs: Record<keyof typeof attachmentsEn, string> = {
  attach: 'Adjuntar un archivo',
  attachDrop: 'Suelte el archivo para adjuntarlo',
  attachCaption: 'Pie de foto (opcional)',
  attachNoCaption: 'Se envía sin pie de foto',
  attachSend: 'Enviar archivo',
  attachUploading: 'Subiendo… {percent} %',
  attachType:
    'WhatsApp no admite archivos {type}: envíe una imagen JPEG o PNG, un audio, un vídeo MP4 o un documento PDF, Word, Excel o de texto.',
  attachSize: '{name} ocupa {size}: WhatsApp admite archivos de este tipo de hasta {max}.',
  attachEmpty: '{name} está vacío.',
  voiceNote: 'Nota de voz',
  play: 'Reproducir',
  download: 'Descargar',
  openMap: 'Abrir en el mapa',
  enlarge: 'Ampliar la foto',
  mediaUnavailable: 'El archivo ya no está disponible.',
  reactions: 'Reacciones: {emoji}',
};
