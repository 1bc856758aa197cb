import type { ContactFormField, KontaktTranslation } from './translation.js';

const fieldError = (
  field: ContactFormField,
  code: string,
  params: Readonly<Record<string, string | number>>,
): string => {
  switch (code) {
    case 'required':
      return (
        (
          {
            topic: 'اختر موضوع سؤالك.',
            message: 'اكتب سؤالك.',
            answerChannel: 'اختر الطريقة التي تريد أن تحصل بها على الرد.',
            interpreterLanguage: 'اكتب اللغة التي يجب أن يتحدث بها المترجم.',
          } as Partial<Record<ContactFormField, string>>
        )[field] ?? 'املأ هذا الحقل.'
      );
    case 'required_for_channel':
      return field === 'phone'
        ? 'اكتب رقم هاتفك حتى نتمكن من الاتصال بك.'
        : 'اكتب عنوان بريدك الإلكتروني حتى نتمكن من الرد عليك.';
    case 'required_for_visit':
      return 'اكتب رقم هاتف أو عنوان بريد إلكتروني حتى نتمكن من حجز موعد لك.';
    case 'too_long':
      return `يمكن أن يحتوي النص على ${params.maximum ?? ''} حرفًا كحد أقصى. اختصره قليلًا.`;
    case 'invalid_email':
      return 'اكتب عنوان البريد الإلكتروني بهذا الشكل: name@example.se.';
    case 'invalid_phone':
      return 'اكتب رقم هاتف من 6 أرقام على الأقل، مثلًا 070-123 45 67.';
    case 'unknown_topic':
      return 'هذا الموضوع لم يعد موجودًا. اختر موضوعًا آخر.';
    case 'invalid_option':
      return 'اختر أحد الخيارات.';
    default:
      return 'تحقق من هذا الحقل.';
  }
};

const failed = (code: string): string => {
  switch (code) {
    case 'rate_limited':
      return 'لقد أرسلت رسائل كثيرة في وقت قصير. انتظر قليلًا ثم حاول مرة أخرى.';
    case 'origin_not_allowed':
    case 'department_not_found':
    case 'misconfigured':
      return 'النموذج لا يعمل في هذه الصفحة الآن. اتصل بمركز خدمة البلدية أو راسله بالبريد الإلكتروني.';
    case 'payload_too_large':
      return 'الرسالة كبيرة جدًا. اختصر النص ثم حاول مرة أخرى.';
    case 'expired':
      return 'تعذّر إرسال رسالتك لعدة أيام ولم تُرسل. نصّك ما زال هنا – أرسله مرة أخرى.';
    case 'network_error':
    case 'timeout':
      return 'لم نتمكن من الوصول إلى مركز الخدمة. تحقق من اتصالك ثم حاول مرة أخرى.';
    case 'validation_failed':
      return 'بعض البيانات تحتاج إلى تصحيح. انظر الأخطاء في النموذج.';
    default:
      return 'حدث خطأ من جهتنا. نصك ما زال محفوظًا هنا – حاول مرة أخرى بعد قليل.';
  }
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
    fieldError,
    offlineHeading: 'تم الحفظ – سيُرسل عندما تعود متصلًا بالإنترنت',
    offlineText:
      'لم نتمكن من الوصول إلى مركز الخدمة الآن. سؤالك محفوظ في هذا المتصفح وسيُرسل تلقائيًا عندما يعمل الاتصال مجددًا، ما دامت الصفحة مفتوحة أو في زيارتك القادمة لها.',
    sendNow: 'حاول الإرسال الآن',
    failedHeading: 'تعذّر إرسال سؤالك',
    failed,
    receiptHeading: 'شكرًا! لقد استلمنا سؤالك',
    receiptReference: 'رقم قضيتك',
    receiptAnswerBy: (date) => `ستحصل على الرد في موعد أقصاه ${date}.`,
    receiptKeep: 'احتفظ برقم القضية. ستحتاج إليه إذا أردت السؤال عن قضيتك.',
    newMessage: 'أرسل سؤالًا جديدًا',
    draftRestored: 'لقد ملأنا النموذج بما كتبته سابقًا.',
    clearForm: 'امسح النموذج',
    formCleared: 'تم مسح النموذج.',
  },
};
