export default 'lib through the import map';
