// The shopping list, written the way jQuery pages are: delegated events, .text(), .toggle().
$(function () {
  'use strict';
  const $list = $('ul.items');

  function refresh() {
    const needle = $.trim($('#filter').val()).toLowerCase();
    let shown = 0;
    $list.children('li').each(function () {
      const matches = $(this).find('.name').text().toLowerCase().indexOf(needle) !== -1;
      $(this).toggle(matches);
      if (matches) shown += 1;
    });
    const total = $list.children('li').length;
    const noun = total === 1 ? 'item' : 'items';
    $('#count').text(shown === total ? total + ' ' + noun : shown + ' of ' + total + ' ' + noun);
  }

  $('#add-form').on('submit', function (event) {
    event.preventDefault();
    const name = $.trim($('#new-item').val());
    if (!name) return;
    const $item = $('<li>').append($('<span class="name">').text(name));
    $item.append($('<button type="button" class="remove">').attr('aria-label', 'Remove ' + name).text('×'));
    $list.append($item);
    $('#new-item').val('').trigger('focus');
    refresh();
  });

  $list.on('click', 'button.remove', function () {
    $(this).closest('li').remove();
    refresh();
  });

  $('#filter').on('input', refresh);
  refresh();
});
