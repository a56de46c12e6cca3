/* plotly.js locales for the interface's languages (uk, ru, tr): month and day names from
 * plotly.js's lib/locales (MIT License, Copyright Plotly, Inc.), the decimal comma and the
 * thousands separator of each language (CLDR), and the words of the toolbar we show.
 * Loaded before assets/plotly-timeline.min.js (assets load in name order), whose entry.js
 * registers window.PlotlyLocales; a figure picks its language with the config's `locale`
 * (dashboard/views/components.py graph_config). */
window.PlotlyLocales = [
    {
        moduleType: 'locale', name: 'uk',
        dictionary: {
            'Download plot as a PNG': 'Завантажити графік як PNG', 'Download plot': 'Завантажити графік',
            'Zoom': 'Масштаб', 'Pan': 'Зсув', 'Zoom in': 'Збільшити', 'Zoom out': 'Зменшити',
            'Reset axes': 'Скинути осі', 'Autoscale': 'Автомасштаб', 'Toggle Spike Lines': 'Лінії-орієнтири',
            'Show closest data on hover': 'Найближчі дані під курсором', 'Compare data on hover': 'Порівняти дані під курсором',
            'Double-click to zoom back out': 'Двічі клацніть, щоб повернути масштаб'
        },
        format: {
            days: ['неділя', 'понеділок', 'вівторок', 'середа', 'четвер', 'п\'ятниця', 'субота'],
            shortDays: ['нд', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
            months: ['січень', 'лютий', 'березень', 'квітень', 'травень', 'червень',
                     'липень', 'серпень', 'вересень', 'жовтень', 'листопад', 'грудень'],
            shortMonths: ['січ.', 'лют.', 'бер.', 'квіт.', 'трав.', 'черв.', 'лип.', 'серп.', 'вер.', 'жовт.', 'лист.', 'груд.'],
            date: '%d.%m.%Y', decimal: ',', thousands: '\u00a0'
        }
    },
    {
        moduleType: 'locale', name: 'ru',
        dictionary: {
            'Download plot as a PNG': 'Скачать график как PNG', 'Download plot': 'Скачать график',
            'Zoom': 'Масштаб', 'Pan': 'Сдвиг', 'Zoom in': 'Увеличить', 'Zoom out': 'Уменьшить',
            'Reset axes': 'Сбросить оси', 'Autoscale': 'Автомасштаб', 'Toggle Spike Lines': 'Линии-ориентиры',
            'Show closest data on hover': 'Ближайшие данные под курсором', 'Compare data on hover': 'Сравнить данные под курсором',
            'Double-click to zoom back out': 'Дважды щёлкните, чтобы вернуть масштаб'
        },
        format: {
            days: ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'],
            shortDays: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
            months: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь',
                     'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
            shortMonths: ['янв.', 'февр.', 'март', 'апр.', 'май', 'июнь', 'июль', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'],
            date: '%d.%m.%Y', decimal: ',', thousands: '\u00a0'
        }
    },
    {
        moduleType: 'locale', name: 'tr',
        dictionary: {
            'Download plot as a PNG': 'Grafiği PNG olarak indir', 'Download plot': 'Grafiği indir',
            'Zoom': 'Yakınlaştır', 'Pan': 'Kaydır', 'Zoom in': 'Yakınlaştır', 'Zoom out': 'Uzaklaştır',
            'Reset axes': 'Eksenleri sıfırla', 'Autoscale': 'Otomatik ölçek', 'Toggle Spike Lines': 'Kılavuz çizgileri',
            'Show closest data on hover': 'İmlecin altındaki en yakın veri', 'Compare data on hover': 'İmlecin altındaki verileri karşılaştır',
            'Double-click to zoom back out': 'Uzaklaştırmak için çift tıklayın'
        },
        format: {
            days: ['Pazar', 'Pazartesi', 'Salı', 'Çarşamba', 'Perşembe', 'Cuma', 'Cumartesi'],
            shortDays: ['Paz', 'Pzt', 'Sal', 'Çar', 'Per', 'Cum', 'Cmt'],
            months: ['Ocak', 'Şubat', 'Mart', 'Nisan', 'Mayıs', 'Haziran',
                     'Temmuz', 'Ağustos', 'Eylül', 'Ekim', 'Kasım', 'Aralık'],
            shortMonths: ['Oca', 'Şub', 'Mar', 'Nis', 'May', 'Haz', 'Tem', 'Ağu', 'Eyl', 'Eki', 'Kas', 'Ara'],
            date: '%d.%m.%Y', decimal: ',', thousands: '.'
        }
    }
];
