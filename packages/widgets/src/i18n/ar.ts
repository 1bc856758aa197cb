import type { FailureTexts, FieldErrorTexts, KontaktTranslation } from './translation.js';

const fieldErrors: FieldErrorTexts = {
  required: {
    topic: 'اختر موضوع سؤالك.',
    message: 'اكتب سؤالك.',
    answerChannel: 'اختر الطريقة التي تريد أن تحصل بها على الرد.',
    interpreterLanguage: 'اكتب اللغة التي يجب أن يتحدث بها المترجم.',
    street: 'اكتب عنوان الشارع.',
    postalCode: 'اكتب الرمز البريدي.',
    city: 'اكتب اسم المدينة.',
  },
  requiredField: 'املأ هذا الحقل.',
  phoneForCallBack: 'اكتب رقم هاتفك حتى نتمكن من الاتصال بك.',
  emailForAnswer: 'اكتب عنوان بريدك الإلكتروني حتى نتمكن من الرد عليك.',
  nameForLetter: 'اكتب اسمك حتى تصل إليك الرسالة.',
  addressForLetter: 'اكتب العنوان الذي نرسل إليه الرسالة.',
  invalidPostalCode: 'اكتب الرمز البريدي من خمسة أرقام، مثلًا 211 22.',
  contactForVisit: 'اكتب رقم هاتف أو عنوان بريد إلكتروني حتى نتمكن من حجز موعد لك.',
  tooLong: (maximum) => `يمكن أن يحتوي النص على ${maximum} حرفًا كحد أقصى. اختصره قليلًا.`,
  invalidEmail: 'اكتب عنوان البريد الإلكتروني بهذا الشكل: name@example.se.',
  invalidPhone: 'اكتب رقم هاتف من 6 أرقام على الأقل، مثلًا 070-123 45 67.',
  unknownTopic: 'هذا الموضوع لم يعد موجودًا. اختر موضوعًا آخر.',
  invalidOption: 'اختر أحد الخيارات.',
  tooManyPhotos: (maximum) =>
    `يمكنك إرفاق ${String(maximum) === '1' ? 'صورة واحدة' : String(maximum) === '2' ? 'صورتين' : `${maximum} صور`} كحد أقصى. احذف إحداها.`,
  unknownPhoto: 'تعذّر إرسال إحدى الصور مع الرسالة. احذف الصور وأضفها مرة أخرى.',
  other: 'تحقق من هذا الحقل.',
};

const failures: FailureTexts = {
  rateLimited: 'لقد أرسلت رسائل كثيرة في وقت قصير. انتظر قليلًا ثم حاول مرة أخرى.',
  misconfigured:
    'النموذج لا يعمل في هذه الصفحة الآن. اتصل بمركز خدمة البلدية أو راسله بالبريد الإلكتروني.',
  payloadTooLarge: 'الرسالة كبيرة جدًا. اختصر النص ثم حاول مرة أخرى.',
  expired: 'تعذّر إرسال رسالتك لعدة أيام ولم تُرسل. نصّك ما زال هنا – أرسله مرة أخرى.',
  unreachable: 'لم نتمكن من الوصول إلى مركز الخدمة. تحقق من اتصالك ثم حاول مرة أخرى.',
  validation: 'بعض البيانات تحتاج إلى تصحيح. انظر الأخطاء في النموذج.',
  unexpected: 'حدث خطأ من جهتنا. نصك ما زال محفوظًا هنا – حاول مرة أخرى بعد قليل.',
};

/** Arabic, written right to left. */
export const ar: KontaktTranslation = {
  languageName: 'العربية',
  dir: 'rtl',
  common: {
    loading: 'جارٍ تحميل النموذج …',
    loadFailed: 'تعذّر تحميل النموذج. تحقق من اتصالك ثم حاول مرة أخرى.',
    retry: 'حاول مرة أخرى',
    optional: '(اختياري)',
  },
  contactForm: {
    formLabel: 'أرسل سؤالًا إلى مركز الخدمة',
    topic: 'بماذا يتعلق سؤالك؟',
    chooseTopic: 'اختر الموضوع',
    loadingTopics: 'جارٍ تحميل المواضيع …',
    message: 'سؤالك',
    messageHint: 'صِف بأوضح ما يمكن ما تريد معرفته أو ما تحتاج إلى مساعدة فيه.',
    characterCount: (used, max) => `${used} من ${max} حرف`,
    charactersLeft: (left) => (left === 1 ? 'بقي لك حرف واحد.' : `بقي لك ${left} حرفًا.`),
    charactersTooMany: (over) => (over === 1 ? 'لديك حرف واحد زائد.' : `لديك ${over} حرفًا زائدًا.`),
    answerChannel: 'كيف تريد أن تحصل على الرد؟',
    channels: {
      email: 'بالبريد الإلكتروني',
      phone: 'نتصل بك هاتفيًا',
      visit: 'في زيارة إلى مركز الخدمة',
      letter: 'برسالة بالبريد',
    },
    email: 'البريد الإلكتروني',
    emailHint: 'نستخدمه فقط للرد عليك.',
    phone: 'رقم الهاتف',
    phoneHint: 'مثلًا 070-123 45 67.',
    visitHint: 'اكتب رقم هاتف أو عنوان بريد إلكتروني حتى نتمكن من حجز موعد لك.',
    name: 'الاسم',
    answerLanguage: 'بأي لغة تريد الرد؟',
    needsLegend: 'هل تحتاج إلى دعم لفهم الرد؟',
    needs: {
      interpreter: 'مترجم فوري',
      sign_language: 'مترجم لغة الإشارة',
      easy_read: 'رد باللغة السويدية المبسطة',
    },
    interpreterLanguage: 'بأي لغة يجب أن يتحدث المترجم؟',
    interpreterLanguageHint: 'مثلًا الصومالية أو الفارسية.',
    publicRecord:
      'ما ترسله إلى البلدية يصبح عادةً وثيقة عامة يحق لأي شخص طلب الاطلاع عليها. لا تكتب الرقم الشخصي أو معلومات حساسة عن الصحة أو الأسرة إلا عند الحاجة.',
    personalIdentityNumberWarning:
      'يبدو أنك كتبت رقمًا شخصيًا. احذفه إن لم تكن هناك حاجة إليه – قد تصبح الرسالة وثيقة عامة.',
    submit: 'إرسال',
    submitting: 'جارٍ الإرسال …',
    errorSummary: (count) =>
      count === 1 ? 'صحّح معلومة واحدة قبل الإرسال' : `صحّح ${count} معلومات قبل الإرسال`,
    fieldErrors,
    offlineHeading: 'تم الحفظ – سيُرسل عندما تعود متصلًا بالإنترنت',
    offlineText:
      'لم نتمكن من الوصول إلى مركز الخدمة الآن. سؤالك محفوظ في هذا المتصفح وسيُرسل تلقائيًا عندما يعمل الاتصال مجددًا، ما دامت الصفحة مفتوحة أو في زيارتك القادمة لها.',
    sendNow: 'حاول الإرسال الآن',
    failedHeading: 'تعذّر إرسال سؤالك',
    failures,
    receiptHeading: 'شكرًا! لقد استلمنا سؤالك',
    receiptReference: 'رقم قضيتك',
    receiptAnswerBy: (date) => `ستحصل على الرد في موعد أقصاه ${date}.`,
    receiptKeep: 'احتفظ برقم القضية. ستحتاج إليه إذا أردت السؤال عن قضيتك.',
    receiptTrack: 'تابع قضيتك',
    newMessage: 'أرسل سؤالًا جديدًا',
    draftRestored: 'لقد ملأنا النموذج بما كتبته سابقًا.',
    clearForm: 'امسح النموذج',
    formCleared: 'تم مسح النموذج.',
    photos: {
      legend: 'الصور',
      hint: (max) =>
        `يمكنك إرفاق ${max === 1 ? 'صورة واحدة' : `حتى ${max} صور`}، مثل صورة لرسالة أو لقطة شاشة. تُصغَّر الصور وتُحذف بيانات الموقع والكاميرا قبل إرسالها.`,
      add: 'أضف صورة',
      full: (max) => `لقد أضفت ${max === 1 ? 'صورة واحدة' : `${max} صور`}، وهو العدد الأقصى.`,
      alt: (n, total) => `الصورة ${n} من ${total}`,
      remove: (n, total) => `احذف الصورة ${n} من ${total}`,
      preparing: 'جارٍ تجهيز الصورة …',
      added: (n, total) => `تمت إضافة الصورة ${n} من ${total}.`,
      removed: 'تم حذف الصورة.',
      uploading: (percent) => `جارٍ إرسال الصور: ${percent} ٪`,
      problems: {
        heic_unsupported:
          'الصورة بتنسيق HEIC الذي لا يمكن استخدامه هنا. اختر صورة أخرى، أو اضبط الكاميرا على «الأكثر توافقًا» (JPEG).',
        too_large: 'الصورة كبيرة جدًا للإرسال. اختر صورة أصغر.',
        decode_failed: 'تعذّرت قراءة الملف كصورة. اختر صورة JPEG أو PNG أو WebP.',
        not_an_image: 'لا يمكن إرسال هذا النوع من الملفات. اختر صورة JPEG أو PNG أو WebP.',
      },
    },
    postalAddress: {
      legend: 'إلى أين نرسل الرسالة؟',
      street: 'عنوان الشارع',
      streetHint: 'اسم الشارع والرقم، ورقم الشقة إن وُجد.',
      postalCode: 'الرمز البريدي',
      city: 'المدينة',
    },
  },
};
