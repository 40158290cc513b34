export * from './builders';
export * from './calls';
export * from './gas';
export * from './scopes';
export * from './services';
export * from './spreadsheet';
export * from './ui';
export * from './values';
