log('nested script runs');
document.write('<b id="nested-b">nested</b><script>log("nested inline", !!document.getElementById("nested-b"))<\/script>');
log('nested after write');
