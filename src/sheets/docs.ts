/// <reference types="google-apps-script" />
// Google Docs from DocSpecs, in the school edition. The core renders the document as one HTML file
// (src/core/docs/html.ts); the Drive service uploads it converted to a Google Doc — one Drive call per
// document, whatever its size. Scope: drive.file (only files the add-on creates), the narrowest that
// creates a document: DocumentApp.create needs «documents» (every Google Doc of the user). README,
// «Документы в Google».
import { renderHtml } from '../core/docs/html';
import type { DocSpec } from '../core/docs/spec';
import { DG } from '../core/strings';
import { UserFacingError } from './errors';

export const GOOGLE_DOC_MIME = 'application/vnd.google-apps.document';
export const HTML_MIME = 'text/html';

/** A Blob handed from Utilities to Drive untouched. */
export type BlobLike = object;

export interface DriveFileLike {
  id?: string;
  name?: string;
  webViewLink?: string;
}
export interface DriveFileResource {
  name: string;
  mimeType: string;
  description?: string;
}
export interface DriveLike {
  Files: {
    create(resource: DriveFileResource, mediaData: BlobLike, optionalArgs: Record<string, unknown>): DriveFileLike;
  };
}
export interface BlobFactoryLike {
  newBlob(data: string, contentType: string, name: string): BlobLike;
}
export interface DialogOutputLike {
  setWidth(width: number): DialogOutputLike;
  setHeight(height: number): DialogOutputLike;
}
export interface DialogHtmlLike {
  createHtmlOutput(html: string): DialogOutputLike;
}
export interface DialogUiLike {
  showModalDialog(userInterface: DialogOutputLike, title: string): void;
}

/** What making documents needs from Apps Script (gas.ts hands over the real services, tests fakes). */
export interface DocumentServices {
  /** Undefined when the advanced Drive service is not enabled in the manifest. */
  drive: DriveLike | undefined;
  blobs: BlobFactoryLike;
  html: DialogHtmlLike;
  ui(): DialogUiLike;
}

// ---- compile-time proof that Google's real objects fit the surface ------------------------------
type Fits<Real, Surface> = [Real] extends [Surface] ? true : false;
type Assert<T extends true> = T;
export type DocsSurfaceChecks = [
  Assert<Fits<GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection, DriveLike['Files']>>,
  Assert<Fits<GoogleAppsScript.Utilities.Utilities, BlobFactoryLike>>,
  Assert<Fits<GoogleAppsScript.HTML.HtmlService, DialogHtmlLike>>,
  Assert<Fits<GoogleAppsScript.Base.Ui, DialogUiLike>>,
];

export interface CreatedDocument {
  id: string;
  title: string;
  url: string;
}

/** Uploads the document as HTML converted to a Google Doc in the user's Drive; returns its link. */
export function createGoogleDoc(spec: DocSpec, title: string, svc: DocumentServices): CreatedDocument {
  const drive = svc.drive;
  if (!drive) throw new UserFacingError(DG.noDrive);
  const blob = svc.blobs.newBlob(renderHtml(spec), HTML_MIME, `${spec.fileName || 'document'}.html`);
  const file = drive.Files.create({ name: title, mimeType: GOOGLE_DOC_MIME }, blob, { fields: 'id,name,webViewLink' });
  if (!file.id) throw new UserFacingError(DG.notCreated(title));
  return { id: file.id, title, url: file.webViewLink ?? `https://docs.google.com/document/d/${file.id}/edit` };
}
